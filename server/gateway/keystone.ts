// The IAM (Keystone v3) calls the gateway makes. Answers are parsed with zod so a
// malformed IAM reply is a clear 502 rather than a crash somewhere later.
import { z } from 'zod';
import { HttpError } from './http-io.ts';
import type { SessionUser } from './session-store.ts';
import type { UpstreamCalls } from './upstream-calls.ts';

const named = z.object({ id: z.string().optional(), name: z.string().optional() });

const catalogSchema = z.array(
  z.object({
    type: z.string(),
    endpoints: z.array(
      z.object({
        interface: z.string().optional(),
        region: z.string().nullish(),
        region_id: z.string().nullish(),
        url: z.string(),
      }),
    ),
  }),
);

const tokenBodySchema = z.object({
  token: z.object({
    expires_at: z.string(),
    user: z.object({ id: z.string(), name: z.string(), domain: named.optional() }),
    project: z.object({ id: z.string(), name: z.string(), domain: named.optional() }).optional(),
    roles: z.array(z.object({ name: z.string() })).optional(),
    catalog: catalogSchema.optional(),
  }),
});

const projectsSchema = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      domain_id: z.string().optional(),
      enabled: z.boolean().optional(),
    }),
  ),
});

const userSchema = z.object({ user: z.object({ default_project_id: z.string().nullish() }) });

export type Catalog = z.infer<typeof catalogSchema>;

export interface TokenInfo {
  token: string;
  expiresAt: number;
  user: SessionUser;
  project: { id: string; name: string } | null;
  roles: string[];
  catalog: Catalog;
}

export interface IamProject {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
}

export type ProjectScope = { id: string } | { name: string; domain: string };

/** IAM refused the credentials or token (4xx); `status` is IAM's. */
export class IamRejected extends Error {
  constructor(readonly status: number) {
    super(`IAM answered ${status}`);
  }
}

export class IamClient {
  constructor(
    private readonly iamV3: string,
    private readonly timeoutMs: number,
    private readonly upstream?: UpstreamCalls,
  ) {}

  passwordAuth(username: string, password: string, domain: string, scope: ProjectScope | null): Promise<TokenInfo> {
    const auth: Record<string, unknown> = {
      identity: { methods: ['password'], password: { user: { name: username, password, domain: { name: domain } } } },
    };
    if (scope) auth.scope = { project: projectScopeBody(scope) };
    return this.issue({ auth });
  }

  /** A new token for another project, from an existing one (the token method). */
  rescope(token: string, projectId: string): Promise<TokenInfo> {
    return this.issue({
      auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projectId } } },
    });
  }

  /** What IAM knows about a token (single-user mode uses this for the session). */
  async validate(token: string): Promise<TokenInfo> {
    const res = await this.call('GET', '/auth/tokens', { 'X-Auth-Token': token, 'X-Subject-Token': token });
    if (!res.ok) throw await rejected(res);
    return parseToken(token, await res.json().catch(() => undefined));
  }

  async projects(token: string): Promise<IamProject[]> {
    const res = await this.call('GET', '/auth/projects', { 'X-Auth-Token': token });
    if (!res.ok) throw await rejected(res);
    const parsed = projectsSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new HttpError(502, 'IAM returned a malformed project list', 'upstream_malformed');
    return parsed.data.projects.map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: p.domain_id ?? '',
      enabled: p.enabled ?? true,
    }));
  }

  /** The user's `default_project_id` (Keystone lets a user read itself), or null when it has none. */
  async defaultProjectId(token: string, userId: string): Promise<string | null> {
    const res = await this.call('GET', `/users/${encodeURIComponent(userId)}`, { 'X-Auth-Token': token });
    if (!res.ok) throw await rejected(res);
    const parsed = userSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new HttpError(502, 'IAM returned a malformed user', 'upstream_malformed');
    return parsed.data.user.default_project_id ?? null;
  }

  /** Whether IAM accepted the revocation. */
  async revoke(token: string): Promise<boolean> {
    const res = await this.call('DELETE', '/auth/tokens', { 'X-Auth-Token': token, 'X-Subject-Token': token });
    await res.body?.cancel();
    return res.ok;
  }

  private async issue(body: unknown): Promise<TokenInfo> {
    const res = await this.call('POST', '/auth/tokens', { 'Content-Type': 'application/json' }, JSON.stringify(body));
    if (!res.ok) throw await rejected(res);
    const token = res.headers.get('x-subject-token');
    if (!token) throw new HttpError(502, 'IAM issued no token (X-Subject-Token missing)', 'upstream_malformed');
    return parseToken(token, await res.json().catch(() => undefined));
  }

  private async call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Response> {
    const url = `${this.iamV3}${path}`;
    this.upstream?.record('iam', method, new URL(url));
    try {
      return await fetch(url, {
        method,
        headers: { Accept: 'application/json', ...headers },
        body,
        // A redirect could lead anywhere, credentials included; IAM has no reason to send one.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new HttpError(502, `The IAM endpoint ${new URL(this.iamV3).host} is unreachable (${describe(error)})`, 'upstream_unreachable');
    }
  }
}

function projectScopeBody(scope: ProjectScope): Record<string, unknown> {
  return 'id' in scope ? { id: scope.id } : { name: scope.name, domain: { name: scope.domain } };
}

async function rejected(res: Response): Promise<Error> {
  await res.body?.cancel();
  if (res.status >= 400 && res.status < 500) return new IamRejected(res.status);
  return new HttpError(502, `The IAM endpoint answered ${res.status}`, 'upstream_error');
}

function parseToken(token: string, body: unknown): TokenInfo {
  const parsed = tokenBodySchema.safeParse(body);
  const expiresAt = parsed.success ? Date.parse(parsed.data.token.expires_at) : NaN;
  if (!parsed.success || Number.isNaN(expiresAt)) {
    throw new HttpError(502, 'IAM returned a malformed token', 'upstream_malformed');
  }
  const t = parsed.data.token;
  return {
    token,
    expiresAt,
    user: { id: t.user.id, name: t.user.name, domain: t.user.domain?.name ?? t.user.domain?.id ?? '' },
    project: t.project ? { id: t.project.id, name: t.project.name } : null,
    roles: (t.roles ?? []).map((r) => r.name),
    catalog: t.catalog ?? [],
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (error.name === 'TimeoutError') return 'timed out';
    return cause?.code ?? error.message;
  }
  return String(error);
}
