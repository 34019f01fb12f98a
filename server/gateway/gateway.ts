// The gateway as one plain Node request handler `(req, res, next?)`: mounted by Vite's dev
// server (vite-plugin.ts) and by the production server (server/main.ts). It answers
// /auth/* and /api/*; everything else goes to `next` (the SPA).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logAccess } from './access-log.ts';
import { createAuthRoutes } from './auth-routes.ts';
import { ComputeVersionsCache } from './compute-versions.ts';
import { proxyCompute } from './compute-proxy.ts';
import type { GatewayConfig } from './config.ts';
import { HttpError, sendError, sendJson } from './http-io.ts';
import { IamClient, IamRejected } from './keystone.ts';
import { MemoryLoginThrottle, type LoginThrottle } from './login-throttle.ts';
import { RedisStores } from './redis-stores.ts';
import { assertSameOriginWrite } from './request-guard.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { checkReadiness, type Readiness } from './readiness.ts';
import { MemorySessionStore, type SessionStore, type StoredSession } from './session-store.ts';
import { CookieSessions, FixedTokenSession, sessionExpired, type SessionSource } from './sessions.ts';
import { UpstreamCalls } from './upstream-calls.ts';
import { computeTarget } from './upstream-path.ts';

type NextFunction = (error?: unknown) => void;

export interface Gateway {
  handle(req: IncomingMessage, res: ServerResponse, next?: NextFunction): void;
  /** Shutdown has begun: /readyz answers 503 so load balancers stop sending new users. */
  drain(): void;
  close(): Promise<void>;
  readonly config: GatewayConfig;
}

export interface GatewayOptions {
  /** Replaces the store SESSION_STORE chooses (tests). */
  store?: SessionStore;
  now?: () => number;
  /** Where unexpected failures are reported; console.error by default. */
  logError?: (message: string, error: unknown) => void;
  /** Where access-log lines go (with ACCESS_LOG on); stdout by default. */
  writeAccessLog?: (line: string) => void;
}

const COMPUTE_PREFIX = '/api/compute';
const READINESS_REUSE_MS = 1_000;

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const now = options.now ?? Date.now;
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const windowMs = config.loginWindowSeconds * 1000;
  let store: SessionStore;
  let throttle: LoginThrottle;
  if (!options.store && config.sessionStore) {
    const redis = new RedisStores(config.sessionStore, { now, maxFailures: config.loginMaxFailures, windowMs, logError });
    store = redis.sessions;
    throttle = redis.throttle;
  } else {
    store = options.store ?? new MemorySessionStore(60_000, now);
    throttle = new MemoryLoginThrottle(config.loginMaxFailures, windowMs, now);
  }
  const writeAccessLog = options.writeAccessLog ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const upstream = new UpstreamCalls(now);
  const versions = new ComputeVersionsCache(config.versionsTtlSeconds * 1000, now, logError, upstream);
  // Compute endpoints in use, for /readyz: the configured one, or those the catalogs named.
  const computeRoots = () => [...new Set([...(config.computeRoot ? [config.computeRoot] : []), ...versions.roots()])];
  let draining = false;
  let lastCheck: { at: number; readiness: Promise<Readiness> } | null = null;
  const iam = new IamClient(config.iamV3, config.upstreamTimeoutMs, upstream);
  const sessions: SessionSource = config.fixedToken
    ? new FixedTokenSession(config, iam, config.fixedToken, now)
    : new CookieSessions(config, store, now);

  const endpointName = (session: StoredSession | null): string => {
    if (config.endpointName) return config.endpointName;
    const root = session?.computeRoot ?? config.computeRoot ?? config.iamV3;
    return new URL(root).host;
  };
  const handleAuth = createAuthRoutes({ config, iam, sessions, throttle, endpointName, versions, now, upstream });

  async function handleCompute(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const session = await sessions.current(req);
    const target = computeTarget(session.computeRoot, url.slice(COMPUTE_PREFIX.length));
    const outcome = await proxyCompute(req, res, target, session.token, {
      maxBodyBytes: config.maxBodyBytes,
      timeoutMs: config.upstreamTimeoutMs,
      upstream,
    });
    if (outcome === 'unauthorized') {
      await sessions.drop(req, res);
      throw sessionExpired();
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, next?: NextFunction): Promise<void> {
    const url = req.url ?? '/';
    // Absolute-form targets (`GET http://other/...`) are for forward proxies; we are not one.
    if (!url.startsWith('/') || url.startsWith('//')) throw new HttpError(400, 'Invalid request target');
    const pathname = url.split('?')[0];
    const forProbe = pathname === '/healthz' || pathname === '/readyz';
    const forAuth = isUnder(pathname, '/auth');
    const forApi = isUnder(pathname, '/api');
    if (!forProbe && !forAuth && !forApi) {
      if (next) next();
      else throw new HttpError(404, 'Not found');
      return;
    }
    applySecurityHeaders(res);
    if (forProbe) return probe(req, res, pathname);
    assertSameOriginWrite(req, config.trustProxy);
    if (forAuth) return handleAuth(req, res, pathname);
    if (isUnder(pathname, COMPUTE_PREFIX)) return handleCompute(req, res, url);
    throw new HttpError(404, `No API at ${pathname}`);
  }

  async function probe(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${pathname} answers GET`);
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'up' });
    if (draining) return sendJson(res, 503, { status: 'shutting_down' });
    // Probes from several balancers (or anyone: the route is public) share one check a second.
    if (!lastCheck || now() - lastCheck.at >= READINESS_REUSE_MS) {
      lastCheck = { at: now(), readiness: checkReadiness({ iamV3: config.iamV3, computeRoots, store }) };
    }
    const readiness = await lastCheck.readiness;
    sendJson(res, readiness.status === 'ready' ? 200 : 503, readiness);
  }

  return {
    config,
    drain() {
      draining = true;
    },
    handle(req, res, next) {
      if (config.accessLog) logAccess(req, res, writeAccessLog);
      route(req, res, next).catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof HttpError) return sendError(res, error);
        if (error instanceof IamRejected) {
          return sendError(res, new HttpError(502, `The IAM endpoint refused the request (${error.status})`, 'upstream_error'));
        }
        logError(`gateway: ${req.method} ${req.url} failed`, error);
        sendError(res, new HttpError(500, 'The console gateway failed unexpectedly'));
      });
    },
    close: () => store.close(),
  };
}
