// Server-side sessions. Tokens (several KB with Huawei IAM) stay here; the browser holds
// only a random id. In memory by default; with SESSION_STORE=redis://... replicas share
// them in Redis (redis-stores.ts).

export interface SessionUser {
  id: string;
  name: string;
  /** The user's domain name. */
  domain: string;
}

/** The user's projects as IAM listed them, kept with the session (PROJECTS_TTL_SECONDS). */
export interface CachedProjects {
  list: { id: string; name: string; domain_id: string; enabled: boolean }[];
  /** Epoch ms of IAM's answer. */
  fetchedAt: number;
}

export interface StoredSession {
  id: string;
  token: string;
  /** Epoch ms after which the session is gone (token expiry, capped by SESSION_TTL). */
  expiresAt: number;
  /** Epoch ms cap set by SESSION_TTL at login, kept across project switches; null: none. */
  capAt: number | null;
  user: SessionUser;
  project: { id: string; name: string };
  roles: string[];
  region: string | null;
  /** Compute root this session's requests go to (configured, or from the token's catalog). */
  computeRoot: string;
  projects?: CachedProjects;
}

/** A session before it has an id. */
export type NewSession = Omit<StoredSession, 'id'>;

export interface SessionStore {
  get(id: string): Promise<StoredSession | undefined>;
  /** Stores the session until its `expiresAt`. */
  set(session: StoredSession): Promise<void>;
  delete(id: string): Promise<void>;
  /** Resolves when the store answers (readiness check); rejects with HttpError 503 when not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000, private readonly now: () => number = Date.now) {
    // Expired sessions are also refused on read; the sweep only bounds memory.
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  async get(id: string): Promise<StoredSession | undefined> {
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  async set(session: StoredSession): Promise<void> {
    this.sessions.set(session.id, session);
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
