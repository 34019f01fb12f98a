// A stand-in for IAM + compute in the gateway's tests: a real HTTP server on a free port
// that speaks just enough Keystone v3 and records every request it receives, so tests can
// check what the gateway forwarded (and that it forwarded nothing it should not).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface FakeProject {
  id: string;
  name: string;
  enabled: boolean;
}

interface FakeToken {
  user: string;
  projectId: string | null;
  expiresAt: number;
}

const PROJECTS: FakeProject[] = [
  { id: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', name: 'alpha', enabled: true },
  { id: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', name: 'beta', enabled: true },
  { id: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3', name: 'closed', enabled: false },
];

interface FakeUser {
  password: string;
  /** In the order of the user's assignments, as GET /v3/auth/projects lists them. */
  projects: string[];
  roles: string[];
  /** Keystone's `default_project_id`, by project name. */
  defaultProject?: string;
}

const USERS: Record<string, FakeUser> = {
  alice: { password: 'alice-pw', projects: ['alpha'], roles: ['member'] },
  // The default project is neither the first listed nor the first enabled one.
  admin: { password: 'admin-pw', projects: ['closed', 'beta', 'alpha'], roles: ['admin', 'member'], defaultProject: 'alpha' },
  // A default project that is disabled.
  carol: { password: 'carol-pw', projects: ['closed', 'beta'], roles: ['member'], defaultProject: 'closed' },
  // No default project, and a project named like the user that is not first by name.
  beta: { password: 'beta-pw', projects: ['alpha', 'beta'], roles: ['member'] },
};

export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, FakeToken>();
  /** Whether a user may read itself (GET /v3/users/{own id}); some IAMs' policies say no. */
  usersReadThemselves = true;
  /**
   * Keystone scopes a password request without scope to the user's default project, when
   * it has one; IAMs that return unscoped tokens instead leave it to the console.
   */
  scopesToDefaultProject = false;
  /** Milliseconds a token lives. */
  tokenTtlMs = 3_600_000;
  /** Answer of the compute API (but its version documents), replaceable per test. */
  compute: (req: RecordedRequest, res: ServerResponse) => void = (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'X-OpenStack-Request-Id': 'req-fake-1',
      'X-Compute-Request-Id': 'req-fake-1',
      'OpenStack-API-Version': 'compute 2.79',
      'X-OpenStack-Nova-API-Version': '2.79',
      // Things the gateway must never pass to a browser:
      'X-Auth-Token': String(req.headers['x-auth-token']),
      'X-Subject-Token': 'leaked-subject',
      'Set-Cookie': 'upstream=1; Path=/',
      Location: 'http://internal.example/v2.1/x',
    });
    res.end(JSON.stringify({ path: req.url, method: req.method }));
  };

  /** Nova's version documents (spec 3.3/3.4), served without a token as Nova does; null: answer 503. */
  versions: { max: string } | null = { max: '2.79' };
  /** While set, version documents wait for this promise (a slow endpoint, under the test's control). */
  versionsGate: Promise<void> | null = null;

  private readonly server = createServer((req, res) => void this.dispatch(req, res));
  base = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  projectId(name: string): string {
    return PROJECTS.find((p) => p.name === name)!.id;
  }

  /** Requests that reached paths other than IAM's and compute's. */
  requestsTo(prefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.url.startsWith(prefix));
  }

  issue(user: string, projectId: string | null): string {
    const id = `tok-${randomBytes(8).toString('hex')}-${'x'.repeat(3000)}`; // IAM tokens can be KBs long
    this.tokens.set(id, { user, projectId, expiresAt: Date.now() + this.tokenTtlMs });
    return id;
  }

  private valid(token: string | string[] | undefined): FakeToken | undefined {
    const found = typeof token === 'string' ? this.tokens.get(token) : undefined;
    return found && found.expiresAt > Date.now() ? found : undefined;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(recorded);
    const path = recorded.url.split('?')[0];
    const route = `${recorded.method} ${path}`;
    if (route === 'POST /v3/auth/tokens') return this.authenticate(recorded, res);
    if (route === 'GET /v3/auth/tokens') {
      const subject = this.valid(req.headers['x-subject-token']);
      if (!this.valid(req.headers['x-auth-token']) || !subject) return json(res, 401, { error: { code: 401 } });
      return json(res, 200, this.tokenBody(subject), { 'X-Subject-Token': String(req.headers['x-subject-token']) });
    }
    if (route === 'DELETE /v3/auth/tokens') {
      if (!this.valid(req.headers['x-auth-token'])) return json(res, 401, { error: { code: 401 } });
      this.tokens.delete(String(req.headers['x-subject-token']));
      res.writeHead(204).end();
      return;
    }
    if (route === 'GET /v3/auth/projects') {
      const caller = this.valid(req.headers['x-auth-token']);
      if (!caller) return json(res, 401, { error: { code: 401 } });
      // In the order of the user's assignments, so "the first project" is well defined.
      const mine = USERS[caller.user].projects.map((name) => PROJECTS.find((p) => p.name === name)!);
      const projects = mine.map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: 'default',
        enabled: p.enabled,
        description: '',
        links: { self: `${this.base}/v3/projects/${p.id}` },
      }));
      return json(res, 200, { projects, links: {} });
    }
    const userRoute = /^GET \/v3\/users\/([^/]+)$/.exec(route);
    if (userRoute) {
      const caller = this.valid(req.headers['x-auth-token']);
      if (!caller) return json(res, 401, { error: { code: 401 } });
      // Keystone's default policy: a user may read itself (admins anyone; not needed here).
      if (userRoute[1] !== `uid-${caller.user}` || !this.usersReadThemselves) return json(res, 403, { error: { code: 403 } });
      const user = USERS[caller.user];
      const defaultProjectId = user.defaultProject ? this.projectId(user.defaultProject) : undefined;
      return json(res, 200, { user: { id: userRoute[1], name: caller.user, domain_id: 'default', enabled: true, ...(defaultProjectId ? { default_project_id: defaultProjectId } : {}) } });
    }
    const versionRoute = /^(\/compute(?:\/two)?)\/(v2\.1\/)?$/.exec(path);
    if (recorded.method === 'GET' && versionRoute) {
      if (this.versionsGate) await this.versionsGate;
      if (!this.versions) return json(res, 503, { message: 'versions unavailable' });
      const root = `${this.base}${versionRoute[1]}`;
      const v21 = { id: 'v2.1', status: 'CURRENT', version: this.versions.max, min_version: '2.1', updated: '2013-07-23T11:33:21Z', links: [{ rel: 'self', href: `${root}/v2.1/` }] };
      const v20 = { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '', updated: '2011-01-21T11:33:21Z', links: [{ rel: 'self', href: `${root}/v2/` }] };
      return json(res, 200, versionRoute[2] ? { version: v21 } : { versions: [v20, v21] });
    }
    if (path.startsWith('/compute/')) {
      if (!this.valid(req.headers['x-auth-token'])) return json(res, 401, { error: { code: 401, message: 'auth' } });
      return this.compute(recorded, res);
    }
    json(res, 404, { itemNotFound: { code: 404, message: 'not here' } });
  }

  private authenticate(req: RecordedRequest, res: ServerResponse): void {
    const { auth } = JSON.parse(req.body) as {
      auth: {
        identity: { methods: string[]; password?: { user: { name: string; password: string; domain: { name: string } } }; token?: { id: string } };
        scope?: { project: { id?: string; name?: string; domain?: { name: string } } };
      };
    };
    let user: string | undefined;
    if (auth.identity.methods[0] === 'password') {
      const u = auth.identity.password!.user;
      if (u.domain.name === 'Default' && USERS[u.name]?.password === u.password) user = u.name;
    } else if (auth.identity.methods[0] === 'token') {
      user = this.valid(auth.identity.token!.id)?.user;
    }
    if (!user) return json(res, 401, { error: { code: 401, message: 'The request you have made requires authentication.' } });
    let projectId: string | null = null;
    const fallback = USERS[user].defaultProject;
    if (!auth.scope && this.scopesToDefaultProject && auth.identity.methods[0] === 'password' && fallback) {
      const project = PROJECTS.find((p) => p.name === fallback)!;
      if (project.enabled) projectId = project.id;
    }
    if (auth.scope) {
      const want = auth.scope.project;
      const project = PROJECTS.find((p) => (want.id ? p.id === want.id : p.name === want.name && want.domain?.name === 'Default'));
      if (!project || !project.enabled || !USERS[user].projects.includes(project.name)) {
        return json(res, 401, { error: { code: 401, message: 'The request you have made requires authentication.' } });
      }
      projectId = project.id;
    }
    const id = this.issue(user, projectId);
    json(res, 201, this.tokenBody(this.tokens.get(id)!), { 'X-Subject-Token': id });
  }

  private tokenBody(token: FakeToken) {
    const project = PROJECTS.find((p) => p.id === token.projectId);
    const body: Record<string, unknown> = {
      expires_at: new Date(token.expiresAt).toISOString().replace('Z', '000Z'),
      user: { id: `uid-${token.user}`, name: token.user, domain: { id: 'default', name: 'Default' } },
    };
    if (project) {
      body.project = { id: project.id, name: project.name, domain: { id: 'default', name: 'Default' } };
      body.roles = USERS[token.user].roles.map((name) => ({ id: `r-${name}`, name }));
      body.catalog = [
        { type: 'identity', endpoints: [{ interface: 'public', region_id: 'RegionOne', region: 'RegionOne', url: `${this.base}/v3` }] },
        {
          type: 'compute',
          endpoints: [
            { interface: 'internal', region_id: 'RegionOne', region: 'RegionOne', url: 'http://internal.invalid/v2.1' },
            { interface: 'public', region_id: 'RegionOne', region: 'RegionOne', url: `${this.base}/compute/v2.1/${project.id}` },
            { interface: 'public', region_id: 'RegionTwo', region: 'RegionTwo', url: `${this.base}/compute/two/v2.1/${project.id}` },
          ],
        },
      ];
    }
    return { token: body };
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
