// Gateway configuration, read once from the environment. Everything the gateway may
// contact upstream is decided here (or by the IAM token's catalog), never by a request.
import { ConfigError } from './config-error.ts';
import { parseTrustProxy, type TrustedProxies } from './trusted-proxies.ts';

export interface GatewayConfig {
  /** Keystone v3 base, always ending in `/v3` (e.g. `http://127.0.0.1:5000/v3`). */
  iamV3: string;
  /** Compute root (version suffix and project id removed); null: taken from each token's catalog. */
  computeRoot: string | null;
  /** Region whose catalog entry is used; null: the first public compute endpoint. */
  region: string | null;
  /** Domain offered on the login form. */
  domain: string;
  /** Single-user mode: this token is used for every request, there is no login. */
  fixedToken: string | null;
  /** Upper bound on a session's life in seconds (the token's own expiry always applies). */
  sessionTtlSeconds: number | null;
  /** Reverse proxies whose X-Forwarded-For / -Proto / -Host are believed (TRUST_PROXY). */
  trustProxy: TrustedProxies;
  /** `redis://host:port/db` (SESSION_STORE): sessions and the login throttle in Redis; null: in memory. */
  sessionStore: string | null;
  /** Name shown in the console header; defaults to the compute endpoint's host. */
  endpointName: string | null;
  /** Failed logins per client IP allowed within `loginWindowSeconds`. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Largest request body accepted on /auth and /api, in bytes. */
  maxBodyBytes: number;
  /** Time allowed for one upstream call (silence from the upstream), in milliseconds. */
  upstreamTimeoutMs: number;
  /** How long a compute endpoint's version documents are served before a background refresh. */
  versionsTtlSeconds: number;
  /** How long a session keeps the user's project list before asking IAM again. */
  projectsTtlSeconds: number;
  /** One JSON line per request on stdout (ACCESS_LOG, on unless 0/false). */
  accessLog: boolean;
  /** Enables test-only routes (GATEWAY_TEST_HOOKS=1); never set in production. */
  testHooks: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Three minutes: real clouds are slow (a listing of 1,000 images taking a minute has been
 * seen), and a write cut short by our own timeout leaves its outcome unknown.
 */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 180_000;

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function onUnlessOff(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || !/^(0|false|no|off)$/i.test(value.trim());
}

function redisUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value || value === 'memory') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not echoed: it may carry a Redis password.
    throw new ConfigError('SESSION_STORE is not a URL (expected redis://host:port/db or memory)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`SESSION_STORE must be a redis:// or rediss:// URL (or memory), got "${url.protocol}"`);
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number | null): number | null {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL: "${raw}"`);
  }
  if (url.username || url.password) throw new ConfigError(`${name} must not contain credentials`);
  url.search = '';
  url.hash = '';
  return url;
}

/** `http://h:5000`, `http://h:5000/`, `http://h/identity/v3/` → the `/v3` base. */
export function iamV3Base(raw: string): string {
  const url = httpUrl('IAM_ENDPOINT', raw);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = /\/v3$/.test(path) ? path : `${path}/v3`;
  return url.toString().replace(/\/+$/, '');
}

/**
 * Catalog URLs name a version and a project (`.../v2.1/<project_id>`, sometimes a
 * `$(project_id)s` template); the console addresses versions and projects itself, so the
 * root is what remains. Without a trailing slash.
 */
export function computeRootOf(raw: string, name = 'ECS_ENDPOINT'): string {
  const url = httpUrl(name, raw);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v2(?:\.1)?(?:\/[^/]*)?$/, '');
  url.pathname = path || '/';
  return url.toString().replace(/\/+$/, '');
}

export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const iam = env.IAM_ENDPOINT?.trim();
  const ecs = env.ECS_ENDPOINT?.trim();
  if (!iam) {
    throw new ConfigError(
      ecs
        ? 'ECS_ENDPOINT is set but IAM_ENDPOINT is not: the console needs the IAM (Keystone v3) endpoint to log in'
        : 'IAM_ENDPOINT is not set',
    );
  }
  const ttl = positiveInt(env, 'SESSION_TTL', null);
  return {
    iamV3: iamV3Base(iam),
    computeRoot: ecs ? computeRootOf(ecs) : null,
    region: env.ECS_REGION?.trim() || null,
    domain: env.IAM_DOMAIN?.trim() || 'Default',
    fixedToken: env.ECS_AUTH_TOKEN?.trim() || null,
    sessionTtlSeconds: ttl,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionStore: redisUrl(env.SESSION_STORE),
    endpointName: env.ECS_ENDPOINT_NAME?.trim() || null,
    loginMaxFailures: positiveInt(env, 'LOGIN_MAX_FAILURES', 5) ?? 5,
    loginWindowSeconds: positiveInt(env, 'LOGIN_WINDOW_SECONDS', 60) ?? 60,
    maxBodyBytes: positiveInt(env, 'MAX_BODY_BYTES', 1024 * 1024) ?? 1024 * 1024,
    upstreamTimeoutMs: positiveInt(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS) ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    versionsTtlSeconds: positiveInt(env, 'VERSIONS_TTL_SECONDS', 600) ?? 600,
    projectsTtlSeconds: positiveInt(env, 'PROJECTS_TTL_SECONDS', 300) ?? 300,
    accessLog: onUnlessOff(env.ACCESS_LOG),
    testHooks: flag(env.GATEWAY_TEST_HOOKS),
  };
}
