// Where a request's session comes from. In login mode: the `ecs_sid` cookie and the
// session store. In single-user mode (ECS_AUTH_TOKEN): one session described by IAM for
// the configured token, with no cookie at all.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickComputeEndpoint } from './compute-catalog.ts';
import type { GatewayConfig } from './config.ts';
import { HttpError, isHttps } from './http-io.ts';
import { IamRejected, type IamClient, type TokenInfo } from './keystone.ts';
import { noteUser } from './request-notes.ts';
import { clearedSessionCookie, readSessionId, sessionCookie } from './session-cookie.ts';
import type { NewSession, SessionStore, StoredSession } from './session-store.ts';

export interface SessionSource {
  /** The request's session, or HttpError 401. */
  current(req: IncomingMessage): Promise<StoredSession>;
  /** Forgets the session (after logout, or when the upstream refused its token). */
  drop(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Stores what was learnt about the session since (its project list). */
  update(session: StoredSession): Promise<void>;
}

export const sessionExpired = (): HttpError =>
  new HttpError(401, 'Your session has expired. Please log in again.', 'session_expired');

/** Turns a project-scoped token into a session: its compute endpoint, region and expiry. */
export function sessionFromToken(config: GatewayConfig, info: TokenInfo, capAt: number | null): NewSession {
  if (!info.project) throw new HttpError(502, 'IAM issued a token without a project scope', 'upstream_malformed');
  let computeRoot = config.computeRoot;
  let region = config.region;
  if (!computeRoot) {
    const endpoint = pickComputeEndpoint(info.catalog, config.region);
    if (!endpoint) {
      const where = config.region ? ` in region ${config.region}` : '';
      throw new HttpError(502, `The token's service catalog has no public compute endpoint${where}; set ECS_ENDPOINT`, 'no_compute_endpoint');
    }
    computeRoot = endpoint.root;
    region = region ?? endpoint.region;
  }
  return {
    token: info.token,
    expiresAt: capAt === null ? info.expiresAt : Math.min(info.expiresAt, capAt),
    capAt,
    user: info.user,
    project: info.project,
    roles: info.roles,
    region,
    computeRoot,
  };
}

export class CookieSessions implements SessionSource {
  constructor(
    private readonly config: GatewayConfig,
    private readonly store: SessionStore,
    private readonly now: () => number,
  ) {}

  async current(req: IncomingMessage): Promise<StoredSession> {
    const id = readSessionId(req);
    if (!id) throw new HttpError(401, 'Not logged in', 'not_authenticated');
    const session = await this.store.get(id);
    if (!session || session.expiresAt <= this.now()) {
      if (session) await this.store.delete(id);
      throw sessionExpired();
    }
    noteUser(req, session.user.id);
    return session;
  }

  /**
   * Stores a session for a fresh token under a new id (a new id at every login and
   * project switch, so an id seen before authentication is worthless) and sets the cookie.
   */
  async open(req: IncomingMessage, res: ServerResponse, draft: NewSession): Promise<StoredSession> {
    const previous = readSessionId(req);
    const session: StoredSession = { id: randomBytes(32).toString('base64url'), ...draft };
    await this.store.set(session);
    if (previous) await this.store.delete(previous);
    noteUser(req, session.user.id);
    const maxAge = (session.expiresAt - this.now()) / 1000;
    res.setHeader('Set-Cookie', sessionCookie(session.id, maxAge, isHttps(req, this.config.trustProxy)));
    return session;
  }

  async drop(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = readSessionId(req);
    if (id) await this.store.delete(id);
    res.setHeader('Set-Cookie', clearedSessionCookie(isHttps(req, this.config.trustProxy)));
  }

  async update(session: StoredSession): Promise<void> {
    await this.store.set(session);
  }
}

/** Single-user mode: the configured token, described by IAM once and kept until it expires. */
export class FixedTokenSession implements SessionSource {
  private cached: Promise<StoredSession> | null = null;

  constructor(
    private readonly config: GatewayConfig,
    private readonly iam: IamClient,
    private readonly token: string,
    private readonly now: () => number,
  ) {}

  async current(req: IncomingMessage): Promise<StoredSession> {
    this.cached ??= this.describe();
    const pending = this.cached;
    try {
      const session = await pending;
      noteUser(req, session.user.id);
      if (session.expiresAt > this.now()) return session;
      throw sessionExpired();
    } catch (error) {
      // Ask IAM again next time: the failure may have been a passing network problem.
      if (this.cached === pending) this.cached = null;
      throw error;
    }
  }

  async drop(): Promise<void> {
    this.cached = null;
  }

  async update(session: StoredSession): Promise<void> {
    this.cached = Promise.resolve(session);
  }

  private async describe(): Promise<StoredSession> {
    try {
      const info = await this.iam.validate(this.token);
      return { id: 'fixed-token', ...sessionFromToken(this.config, info, null) };
    } catch (error) {
      if (error instanceof IamRejected) {
        throw new HttpError(401, 'The configured ECS_AUTH_TOKEN is not valid (expired or revoked)', 'session_expired');
      }
      throw error;
    }
  }
}
