// The /auth/* routes of docs/internals.md: configuration, login, session, projects,
// project switch, logout (and, only with GATEWAY_TEST_HOOKS=1, a route that revokes the
// session's token so end-to-end tests can exercise expiry, and one that lists the calls made
// to the cloud, for the end-to-end tests and bench/console.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ComputeVersions, ComputeVersionsCache } from './compute-versions.ts';
import type { GatewayConfig } from './config.ts';
import { HttpError, clientAddress, readJson, sendJson, sendNoContent } from './http-io.ts';
import { IamRejected, type IamClient, type IamProject, type ProjectScope, type TokenInfo } from './keystone.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { readSessionId } from './session-cookie.ts';
import type { CachedProjects, StoredSession } from './session-store.ts';
import { CookieSessions, sessionExpired, sessionFromToken, type SessionSource } from './sessions.ts';
import type { UpstreamCalls } from './upstream-calls.ts';

const loginBody = z.object({
  username: z.string().min(1).max(255),
  password: z.string().min(1).max(4096),
  domain: z.string().max(255).optional(),
  project: z.string().max(255).optional(),
});

const projectBody = z.object({ projectId: z.string().min(1).max(255) });

const BAD_CREDENTIALS = 'The username, password, domain or project is not correct.';

// Project ids are 32 hex digits in Keystone (UUIDs elsewhere); anything else is a name.
const PROJECT_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export interface AuthDeps {
  config: GatewayConfig;
  iam: IamClient;
  sessions: SessionSource;
  throttle: LoginThrottle;
  endpointName: (session: StoredSession | null) => string;
  versions: ComputeVersionsCache;
  now: () => number;
  upstream: UpstreamCalls;
}

/** The Session of docs/internals.md: who, which project, and the endpoint's version documents. */
function sessionJson(session: StoredSession, endpointName: string, versions: ComputeVersions | null, upstreamTimeoutMs: number) {
  return {
    authenticated: true,
    user: session.user,
    project: session.project,
    roles: session.roles,
    isAdmin: session.roles.some((role) => role.toLowerCase() === 'admin'),
    expiresAt: new Date(session.expiresAt).toISOString(),
    region: session.region,
    endpointName,
    compute: versions && {
      versions: versions.versions,
      current: versions.current,
      fetchedAt: new Date(versions.fetchedAt).toISOString(),
    },
    upstreamTimeoutMs,
  };
}

async function parse<T>(req: IncomingMessage, schema: z.ZodType<T>, limit: number): Promise<T> {
  const result = schema.safeParse(await readJson(req, limit));
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join('.')).filter(Boolean);
    throw new HttpError(400, `Invalid request body${fields.length ? `: ${[...new Set(fields)].join(', ')}` : ''}`);
  }
  return result.data;
}

export function createAuthRoutes(deps: AuthDeps) {
  const { config, iam, sessions, throttle, versions } = deps;
  const cookieSessions = sessions instanceof CookieSessions ? sessions : null;
  const cached = (list: IamProject[]): CachedProjects => ({ list, fetchedAt: deps.now() });

  async function reply(res: ServerResponse, session: StoredSession): Promise<void> {
    const found = await versions.get(session.computeRoot, session.token);
    sendJson(res, 200, sessionJson(session, deps.endpointName(session), found, config.upstreamTimeoutMs));
  }

  /** Runs an IAM call on the session's token; a refused token ends the session. */
  async function withToken<T>(req: IncomingMessage, res: ServerResponse, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof IamRejected && error.status === 401) {
        await sessions.drop(req, res);
        throw sessionExpired();
      }
      throw error;
    }
  }

  function requireLoginMode(): CookieSessions {
    if (!cookieSessions) {
      throw new HttpError(409, 'The console runs in single-user mode with a configured token', 'token_mode');
    }
    return cookieSessions;
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const store = requireLoginMode();
    const client = clientAddress(req, config.trustProxy);
    const wait = await throttle.retryAfter(client);
    if (wait > 0) {
      throw new HttpError(429, `Too many failed logins. Try again in ${wait} s.`, 'throttled', { 'Retry-After': String(wait) });
    }
    const body = await parse(req, loginBody, config.maxBodyBytes);
    const domain = body.domain?.trim() || config.domain;
    const project = body.project?.trim();
    const scope: ProjectScope | null = !project ? null : PROJECT_ID.test(project) ? { id: project } : { name: project, domain };

    let info: TokenInfo;
    try {
      info = await iam.passwordAuth(body.username, body.password, domain, scope);
    } catch (error) {
      if (error instanceof IamRejected) {
        await throttle.recordFailure(client);
        throw new HttpError(401, BAD_CREDENTIALS, 'invalid_credentials');
      }
      throw error;
    }
    let projects: IamProject[] | undefined;
    if (!info.project) ({ info, projects } = await scopeToDefaultProject(info));
    const capAt = config.sessionTtlSeconds ? deps.now() + config.sessionTtlSeconds * 1000 : null;
    await establish(store, req, res, info, capAt, projects);
  }

  /**
   * Stores the session of a fresh token and answers it. The user's projects (unless already
   * known) and the endpoint's versions are fetched meanwhile, so the page needs neither
   * call. A token whose session could not be stored is revoked: nobody holds it, nobody should.
   */
  async function establish(
    store: CookieSessions,
    req: IncomingMessage,
    res: ServerResponse,
    info: TokenInfo,
    capAt: number | null,
    known?: IamProject[],
  ): Promise<void> {
    const draft = sessionFromToken(config, info, capAt);
    const [projects] = await Promise.all([
      known ?? iam.projects(info.token).catch(() => undefined),
      versions.get(draft.computeRoot, info.token),
    ]);
    let session: StoredSession;
    try {
      session = await store.open(req, res, { ...draft, ...(projects ? { projects: cached(projects) } : {}) });
    } catch (error) {
      await iam.revoke(info.token).catch(() => false);
      throw error;
    }
    await reply(res, session);
  }

  // No project asked for: the user's default project (Keystone's `default_project_id`) when
  // it is one of the user's enabled projects; else the project named like the user (Keystone's
  // bootstrap admin has no default project but an `admin` project), else the first enabled one
  // by name (as Horizon lists them: stable whatever order IAM answers in); then a rescope of
  // the unscoped token. (The unscoped token is left to expire rather than revoked: some IAMs
  // revoke a token's whole chain, which would take the rescoped token with it.)
  async function scopeToDefaultProject(unscoped: TokenInfo): Promise<{ info: TokenInfo; projects: IamProject[] }> {
    const [projects, defaultId] = await Promise.all([
      iam.projects(unscoped.token),
      // Not every IAM lets a user read itself; then the first project will do.
      iam.defaultProjectId(unscoped.token, unscoped.user.id).catch(() => null),
    ]);
    const enabled = projects.filter((p) => p.enabled).sort((a, b) => a.name.localeCompare(b.name));
    const chosen =
      enabled.find((p) => p.id === defaultId) ?? enabled.find((p) => p.name === unscoped.user.name) ?? enabled[0];
    if (!chosen) throw new HttpError(403, 'This user has no project to work in.', 'no_project');
    return { info: await iam.rescope(unscoped.token, chosen.id), projects };
  }

  /** The user's projects, from the session while fresh (PROJECTS_TTL_SECONDS), else from IAM. */
  async function projects(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = await sessions.current(req);
    const kept = session.projects;
    if (kept && deps.now() - kept.fetchedAt < config.projectsTtlSeconds * 1000) {
      return sendJson(res, 200, { projects: kept.list });
    }
    const list = await withToken(req, res, () => iam.projects(session.token));
    await sessions.update({ ...session, projects: cached(list) });
    sendJson(res, 200, { projects: list });
  }

  /** The session probe: a signed-out visitor is an answer (200), not an error. */
  async function probe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let session: StoredSession;
    try {
      session = await sessions.current(req);
    } catch (error) {
      const signedOut = cookieSessions && error instanceof HttpError && error.status === 401;
      if (!signedOut) throw error;
      // A cookie whose session is gone is cleared, so the browser stops sending it.
      if (readSessionId(req)) await sessions.drop(req, res);
      return sendJson(res, 200, { authenticated: false });
    }
    await reply(res, session);
  }

  async function switchProject(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const store = requireLoginMode();
    const session = await sessions.current(req);
    const { projectId } = await parse(req, projectBody, config.maxBodyBytes);
    // Asking first tells "no access to that project" (403) from "token no longer valid"
    // (401), which Keystone's rescope answer does not distinguish.
    const list = await withToken(req, res, () => iam.projects(session.token));
    if (!list.some((p) => p.id === projectId && p.enabled)) {
      throw new HttpError(403, 'You have no access to that project.', 'project_forbidden');
    }
    let info: TokenInfo;
    try {
      info = await iam.rescope(session.token, projectId);
    } catch (error) {
      if (error instanceof IamRejected) throw new HttpError(403, 'You have no access to that project.', 'project_forbidden');
      throw error;
    }
    await establish(store, req, res, info, session.capAt, list);
  }

  async function logout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!cookieSessions) {
      // Never revoke the operator's configured token from a browser.
      sendNoContent(res);
      return;
    }
    const session = await sessions.current(req).catch(() => null);
    if (session) {
      // Best effort: the session ends here whatever IAM says.
      await iam.revoke(session.token).catch(() => false);
    }
    await sessions.drop(req, res);
    sendNoContent(res);
  }

  async function expireForTests(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = await sessions.current(req);
    const revoked = await iam.revoke(session.token).catch(() => false);
    // Make sure the session is unusable even against an IAM that cannot revoke.
    if (!revoked) await sessions.drop(req, res);
    sendJson(res, 200, { revoked });
  }

  return async function handleAuth(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const route = `${req.method} ${pathname}`;
    switch (route) {
      case 'GET /auth/config':
        sendJson(res, 200, {
          mode: cookieSessions ? 'login' : 'token',
          region: config.region,
          endpointName: deps.endpointName(null),
          domain: config.domain,
          upstreamTimeoutMs: config.upstreamTimeoutMs,
        });
        return;
      case 'POST /auth/login':
        return login(req, res);
      case 'GET /auth/session':
        return probe(req, res);
      case 'GET /auth/projects':
        return projects(req, res);
      case 'POST /auth/project':
        return switchProject(req, res);
      case 'POST /auth/logout':
        return logout(req, res);
      case 'POST /auth/test/expire-session':
        if (config.testHooks) return expireForTests(req, res);
        break;
      case 'GET /auth/test/upstream-calls':
        if (config.testHooks) {
          const after = Number(new URL(req.url ?? '/', 'http://gateway').searchParams.get('after') ?? 0);
          return sendJson(res, 200, deps.upstream.since(Number.isFinite(after) ? after : 0));
        }
        break;
    }
    throw new HttpError(404, `No route ${route}`);
  }
}
