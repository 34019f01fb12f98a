// Sessions and the login throttle in Redis (SESSION_STORE=redis://host:port/db), shared by
// every gateway replica. Keys expire with what they hold: a session with its token (or
// SESSION_TTL), a client's failed logins with the throttle window. When Redis cannot be
// reached every call fails fast with 503 `session_store_unavailable` — never a hang (no
// offline queue, bounded commands) and never a crash (errors are events, logged once per
// outage); the client reconnects on its own.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { HttpError } from './http-io.ts';
import { waitSeconds, type LoginThrottle } from './login-throttle.ts';
import type { SessionStore, StoredSession } from './session-store.ts';

const PREFIX = 'ecs-console:';
export const sessionKey = (id: string) => `${PREFIX}session:${id}`;
export const failuresKey = (client: string) => `${PREFIX}login-failures:${client}`;

/** Bound on one Redis command and on a connection attempt. */
const REDIS_TIMEOUT_MS = 2_000;

const storeUnavailable = (): HttpError =>
  new HttpError(503, 'The session store is unreachable. Please try again in a moment.', 'session_store_unavailable', {
    'Retry-After': '5',
  });

export interface RedisStoreOptions {
  now: () => number;
  maxFailures: number;
  windowMs: number;
  logError: (message: string, error: unknown) => void;
}

/** Where `redis://user:password@host:port/db` points, without its password (for logs). */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  parsed.username = '';
  return parsed.toString();
}

export class RedisStores {
  private readonly client: Redis;
  private readonly firstConnection: Promise<void>;
  private outageReported = false;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;

  constructor(url: string, private readonly options: RedisStoreOptions) {
    this.client = new Redis(url, {
      // Fail at once while disconnected rather than queue requests behind an outage.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_TIMEOUT_MS,
      connectTimeout: REDIS_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.client.on('error', (error) => {
      if (this.outageReported) return;
      this.outageReported = true;
      options.logError(`gateway: session store ${describeRedisUrl(url)} unreachable`, error);
    });
    this.client.on('ready', () => {
      this.outageReported = false;
    });
    // Requests that arrive while the first connection is still being made wait for it (briefly).
    this.firstConnection = new Promise((resolve) => {
      this.client.once('ready', resolve);
      setTimeout(resolve, REDIS_TIMEOUT_MS).unref();
    });
    this.sessions = new RedisSessionStore(this, options.now);
    this.throttle = new RedisLoginThrottle(this, options);
  }

  /** Runs commands; any Redis failure becomes 503 `session_store_unavailable`. */
  async run<T>(commands: (redis: Redis) => Promise<T>): Promise<T> {
    await this.firstConnection;
    try {
      return await commands(this.client);
    } catch (error) {
      if (!this.outageReported) {
        this.outageReported = true;
        this.options.logError('gateway: session store command failed', error);
      }
      throw storeUnavailable();
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: RedisStores,
    private readonly now: () => number,
  ) {}

  async get(id: string): Promise<StoredSession | undefined> {
    const json = await this.redis.run((r) => r.get(sessionKey(id)));
    if (!json) return undefined;
    const session = JSON.parse(json) as StoredSession;
    return session.expiresAt > this.now() ? session : undefined;
  }

  async set(session: StoredSession): Promise<void> {
    const ttlMs = Math.floor(session.expiresAt - this.now());
    if (ttlMs <= 0) return this.delete(session.id);
    await this.redis.run((r) => r.set(sessionKey(session.id), JSON.stringify(session), 'PX', ttlMs));
  }

  async delete(id: string): Promise<void> {
    await this.redis.run((r) => r.del(sessionKey(id)));
  }

  async ping(): Promise<void> {
    await this.redis.run((r) => r.ping());
  }

  async close(): Promise<void> {
    await this.redis.close();
  }
}

/** A sorted set per client: one member per failure, scored by its time. */
class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: RedisStores,
    private readonly options: RedisStoreOptions,
  ) {}

  async retryAfter(client: string): Promise<number> {
    const { now, maxFailures, windowMs } = this.options;
    const at = now();
    const key = failuresKey(client);
    const scores = await this.redis.run(async (r) => {
      const [, ranged] = (await r.multi().zremrangebyscore(key, '-inf', at - windowMs).zrange(key, 0, -1, 'WITHSCORES').exec()) ?? [];
      if (ranged?.[0]) throw ranged[0];
      return (ranged?.[1] as string[] | undefined) ?? [];
    });
    const times = scores.filter((_, i) => i % 2 === 1).map(Number);
    return waitSeconds(times, maxFailures, windowMs, at);
  }

  async recordFailure(client: string): Promise<void> {
    const { now, windowMs } = this.options;
    const at = now();
    const key = failuresKey(client);
    await this.redis.run(async (r) => {
      const results = await r
        .multi()
        .zadd(key, at, `${at}-${randomBytes(4).toString('hex')}`)
        .pexpire(key, windowMs)
        .exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
    });
  }
}
