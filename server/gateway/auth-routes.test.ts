import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './config.ts';
import { HttpError } from './http-io.ts';
import { MemorySessionStore } from './session-store.ts';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
afterEach(() => gw.stop());

describe('login', () => {
  beforeEach(async () => {
    gw = await new GatewayUnderTest().start();
  });

  it('asks IAM for a password token scoped to the named project and returns the session without the token', async () => {
    const answer = await gw.call('POST', '/auth/login', {
      body: { username: 'alice', password: 'alice-pw', domain: 'Default', project: 'alpha' },
    });
    expect(answer.status).toBe(200);
    const [sent] = gw.upstream.requestsTo('/v3/auth/tokens');
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.body)).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'alice', password: 'alice-pw', domain: { name: 'Default' } } } },
        scope: { project: { name: 'alpha', domain: { name: 'Default' } } },
      },
    });
    expect(answer.json).toEqual({
      authenticated: true,
      user: { id: 'uid-alice', name: 'alice', domain: 'Default' },
      project: { id: gw.upstream.projectId('alpha'), name: 'alpha' },
      roles: ['member'],
      isAdmin: false,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      region: 'RegionOne',
      endpointName: new URL(gw.upstream.base).host,
      compute: {
        versions: [expect.objectContaining({ id: 'v2.0' }), expect.objectContaining({ id: 'v2.1', version: '2.79' })],
        current: expect.objectContaining({ id: 'v2.1', min_version: '2.1', version: '2.79' }),
        fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      upstreamTimeoutMs: DEFAULT_UPSTREAM_TIMEOUT_MS,
    });
    expect(answer.text).not.toContain('tok-');
    expect(JSON.stringify(answer.headers)).not.toContain('tok-');
  });

  it('sets an httpOnly, SameSite=Strict session cookie holding only a random id, not Secure over plain http', async () => {
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } });
    const cookie = answer.cookie!;
    expect(cookie).toMatch(/^ecs_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain('tok-');
  });

  it('scopes by id when the project given is an id', async () => {
    const id = gw.upstream.projectId('alpha');
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: id } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(gw.upstream.requestsTo('/v3/auth/tokens')[0].body).auth.scope).toEqual({ project: { id } });
  });

  it("lands in the user's default project when none is given (unscoped token, GET /v3/users/{id}, then rescope)", async () => {
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw' } });
    expect(answer.status).toBe(200);
    // admin's projects are listed as closed (disabled), beta, alpha; its default project is alpha.
    expect(answer.json.project.name).toBe('alpha');
    expect(answer.json.isAdmin).toBe(true);
    const [read] = gw.upstream.requestsTo('/v3/users/');
    expect(read.url).toBe('/v3/users/uid-admin');
    const unscoped = gw.upstream.tokens.get(String(read.headers['x-auth-token']));
    expect(unscoped).toMatchObject({ user: 'admin', projectId: null });
    const rescope = JSON.parse(gw.upstream.requestsTo('/v3/auth/tokens').at(-1)!.body);
    expect(rescope.auth.identity.methods).toEqual(['token']);
    expect(rescope.auth.scope).toEqual({ project: { id: gw.upstream.projectId('alpha') } });
  });

  it("keeps the token when IAM itself scoped it to the default project (Keystone does)", async () => {
    gw.upstream.scopesToDefaultProject = true;
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw' } });
    expect(answer.json.project.name).toBe('alpha');
    expect(gw.upstream.requestsTo('/v3/auth/tokens')).toHaveLength(1);
    expect(gw.upstream.requestsTo('/v3/users/')).toHaveLength(0);
  });

  it('falls back to the first enabled project when the default project is disabled or unset', async () => {
    const carol = await gw.call('POST', '/auth/login', { body: { username: 'carol', password: 'carol-pw' } });
    expect(carol.json.project.name).toBe('beta'); // default "closed" is disabled
    const alice = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } });
    expect(alice.json.project.name).toBe('alpha'); // no default project
  });

  it('falls back to the first enabled project by name when IAM will not let the user read itself', async () => {
    gw.upstream.usersReadThemselves = false;
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw' } });
    expect(answer.status).toBe(200);
    // listed as closed (disabled), beta, alpha: the first enabled by name, not by IAM's order
    expect(answer.json.project.name).toBe('alpha');
  });

  it('without a default project, prefers the project named like the user (Keystone bootstrap admin)', async () => {
    gw.upstream.usersReadThemselves = false;
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'beta', password: 'beta-pw' } });
    expect(answer.status).toBe(200);
    expect(answer.json.project.name).toBe('beta');
  });

  it('answers 401 with one message whatever was wrong', async () => {
    const wrongPassword = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'nope' } });
    const wrongProject = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'beta' } });
    expect(wrongPassword.status).toBe(401);
    expect(wrongProject.status).toBe(401);
    expect(wrongPassword.json.error.message).toBe(wrongProject.json.error.message);
    expect(wrongPassword.cookie).toBeUndefined();
  });

  it('rejects a malformed body with 400 and does not call IAM', async () => {
    const answer = await gw.call('POST', '/auth/login', { body: { username: '', password: 5 } });
    expect(answer.status).toBe(400);
    expect(gw.upstream.requests).toHaveLength(0);
  });

  it('throttles a client after 5 failed logins in a minute, with Retry-After, without asking IAM', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await gw.call('POST', '/auth/login', { body: { username: 'alice', password: `bad${i}` } })).status).toBe(401);
    }
    const before = gw.upstream.requests.length;
    const throttled = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(gw.upstream.requests.length).toBe(before);
  });

  it('lets the client try again once the window has passed', async () => {
    gw.clock.now = Date.now();
    for (let i = 0; i < 5; i++) await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'bad' } });
    expect((await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } })).status).toBe(429);
    gw.clock.now += 61_000;
    expect((await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } })).status).toBe(200);
  });

  it('revokes the fresh token when its session cannot be stored, and says why', async () => {
    await gw.stop();
    const failing = new MemorySessionStore();
    failing.set = () => Promise.reject(new HttpError(503, 'The session store is unreachable.', 'session_store_unavailable'));
    gw = await new GatewayUnderTest().using({ store: failing }).start();
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    expect(answer.status).toBe(503);
    expect(answer.json.error.code).toBe('session_store_unavailable');
    expect(answer.cookie).toBeUndefined();
    expect(gw.upstream.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(gw.upstream.tokens.size).toBe(0);
  });

  it('answers 502 with a clear message when IAM is unreachable', async () => {
    await gw.upstream.stop();
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } });
    expect(answer.status).toBe(502);
    expect(answer.json.error.message).toMatch(/IAM endpoint .* unreachable/);
    await gw.upstream.start(); // afterEach stops it again
  });
});

const failLogin = (headers: Record<string, string>) =>
  gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'wrong' }, headers });

describe('the throttle behind a reverse proxy', () => {
  it("counts per client address taken from a trusted proxy's X-Forwarded-For (right-most untrusted entry)", async () => {
    gw = await new GatewayUnderTest().start({ TRUST_PROXY: '127.0.0.1', LOGIN_MAX_FAILURES: '2' });
    // The client forges a different left-most entry each time; the proxy's own entry stays.
    expect((await failLogin({ 'X-Forwarded-For': '1.1.1.1, 203.0.113.9' })).status).toBe(401);
    expect((await failLogin({ 'X-Forwarded-For': '2.2.2.2, 203.0.113.9' })).status).toBe(401);
    expect((await failLogin({ 'X-Forwarded-For': '3.3.3.3, 203.0.113.9' })).status).toBe(429);
    // Another browser behind the same proxy is not locked out.
    expect((await failLogin({ 'X-Forwarded-For': '198.51.100.4' })).status).toBe(401);
  });

  it('does not believe X-Forwarded-For from a peer that is not a configured proxy', async () => {
    gw = await new GatewayUnderTest().start({ TRUST_PROXY: '10.0.0.0/8', LOGIN_MAX_FAILURES: '2' });
    expect((await failLogin({ 'X-Forwarded-For': '203.0.113.1' })).status).toBe(401);
    expect((await failLogin({ 'X-Forwarded-For': '203.0.113.2' })).status).toBe(401);
    expect((await failLogin({ 'X-Forwarded-For': '203.0.113.3' })).status).toBe(429);
  });
});

describe('Secure cookie', () => {
  it('is Secure when a trusted proxy says the browser used https', async () => {
    gw = await new GatewayUnderTest().start({ TRUST_PROXY: '1' });
    const answer = await gw.call('POST', '/auth/login', {
      body: { username: 'alice', password: 'alice-pw' },
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(answer.cookie).toContain('Secure');
  });

  it('ignores X-Forwarded-Proto from a peer that is not one of the TRUST_PROXY addresses', async () => {
    gw = await new GatewayUnderTest().start({ TRUST_PROXY: '10.0.0.0/8' }); // the test client is 127.0.0.1
    const answer = await gw.call('POST', '/auth/login', {
      body: { username: 'alice', password: 'alice-pw' },
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(answer.cookie).not.toContain('Secure');
  });

  it('ignores X-Forwarded-Proto unless TRUST_PROXY is set', async () => {
    gw = await new GatewayUnderTest().start();
    const answer = await gw.call('POST', '/auth/login', {
      body: { username: 'alice', password: 'alice-pw' },
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(answer.cookie).not.toContain('Secure');
  });
});

describe('session, projects, logout', () => {
  beforeEach(async () => {
    gw = await new GatewayUnderTest().start();
  });

  it('reports the session for its cookie from the server-side session, with no IAM call', async () => {
    const cookie = await gw.login();
    const session = await gw.call('GET', '/auth/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ authenticated: true, user: { name: 'alice' }, compute: { current: { id: 'v2.1' } } });
    // Neither IAM nor the compute endpoint is asked: the versions are the gateway's cached ones.
    expect(gw.upstream.requests).toEqual([]);
  });

  it('answers a signed-out visitor 200 {authenticated: false}, not an error', async () => {
    const anonymous = await gw.call('GET', '/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.json).toEqual({ authenticated: false });
    expect(anonymous.cookie).toBeUndefined();
    // A cookie whose session does not exist is cleared.
    const forged = await gw.call('GET', '/auth/session', { cookie: 'ecs_sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(200);
    expect(forged.json).toEqual({ authenticated: false });
    expect(forged.cookie).toMatch(/^ecs_sid=;.*Max-Age=0/);
    expect(gw.upstream.requests).toEqual([]);
  });

  it('ends the session when the token expires', async () => {
    gw.clock.now = Date.now();
    const cookie = await gw.login();
    gw.clock.now += gw.upstream.tokenTtlMs + 1000;
    const answer = await gw.call('GET', '/auth/session', { cookie });
    expect(answer.json).toEqual({ authenticated: false });
    const call = await gw.call('GET', `/api/compute/v2.1/${gw.upstream.projectId('alpha')}/servers`, { cookie });
    expect(call.status).toBe(401);
    expect(call.json.error.code).toBe('session_expired');
  });

  it('caps the session at SESSION_TTL', async () => {
    await gw.stop();
    gw = await new GatewayUnderTest().start({ SESSION_TTL: '60' });
    gw.clock.now = Date.now();
    const cookie = await gw.login();
    gw.clock.now += 61_000;
    expect(await gw.signedIn(cookie)).toBe(false);
  });

  it("lists the user's projects, fetched from IAM with the session's token at login", async () => {
    const login = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw', project: 'alpha' } });
    const cookie = login.cookie!.split(';')[0];
    const [fetched] = gw.upstream.requestsTo('/v3/auth/projects');
    const session = [...gw.upstream.tokens.entries()].find(([, t]) => t.user === 'admin')![0];
    expect(fetched.headers['x-auth-token'] === session).toBe(true);

    const answer = await gw.call('GET', '/auth/projects', { cookie });
    expect(answer.status).toBe(200);
    expect(answer.json.projects.map((p: { name: string }) => p.name)).toEqual(['closed', 'beta', 'alpha']);
    expect(answer.json.projects[0]).toEqual({ id: gw.upstream.projectId('closed'), name: 'closed', domain_id: 'default', enabled: false });
    // Kept with the session: asking again in the same view costs IAM nothing.
    await gw.call('GET', '/auth/projects', { cookie });
    expect(gw.upstream.requestsTo('/v3/auth/projects')).toHaveLength(1);
  });

  it('asks IAM for the projects again once PROJECTS_TTL_SECONDS have passed', async () => {
    await gw.stop();
    gw = await new GatewayUnderTest().start({ PROJECTS_TTL_SECONDS: '60' });
    gw.clock.now = Date.now();
    const cookie = await gw.login('admin', 'admin-pw', 'alpha');
    await gw.call('GET', '/auth/projects', { cookie });
    expect(gw.upstream.requestsTo('/v3/auth/projects')).toHaveLength(0);
    gw.clock.now += 61_000;
    await gw.call('GET', '/auth/projects', { cookie });
    await gw.call('GET', '/auth/projects', { cookie });
    expect(gw.upstream.requestsTo('/v3/auth/projects')).toHaveLength(1);
  });

  it('the login without a project reuses the list it chose from', async () => {
    const login = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw' } });
    await gw.call('GET', '/auth/projects', { cookie: login.cookie!.split(';')[0] });
    expect(gw.upstream.requestsTo('/v3/auth/projects')).toHaveLength(1);
  });

  it('switches project by rescoping with the token method, under a new session id', async () => {
    const cookie = await gw.login('admin', 'admin-pw', 'alpha');
    const betaId = gw.upstream.projectId('beta');
    const answer = await gw.call('POST', '/auth/project', { cookie, body: { projectId: betaId } });
    expect(answer.status).toBe(200);
    expect(answer.json.project).toEqual({ id: betaId, name: 'beta' });
    const rescope = JSON.parse(gw.upstream.requestsTo('/v3/auth/tokens').at(-1)!.body);
    expect(rescope.auth.identity).toEqual({ methods: ['token'], token: { id: expect.stringMatching(/^tok-/) } });
    expect(rescope.auth.scope).toEqual({ project: { id: betaId } });

    const newCookie = answer.cookie!.split(';')[0];
    expect(newCookie).not.toBe(cookie);
    expect(await gw.signedIn(cookie)).toBe(false);
    expect((await gw.call('GET', '/auth/session', { cookie: newCookie })).json.project.name).toBe('beta');

    // Compute calls now carry the rescoped token.
    await gw.call('GET', `/api/compute/v2.1/${betaId}/servers`, { cookie: newCookie });
    const forwarded = gw.upstream.requestsTo('/compute/').at(-1)!;
    expect(gw.upstream.tokens.get(String(forwarded.headers['x-auth-token']))?.projectId).toBe(betaId);
  });

  it('refuses to switch to a project the user cannot use', async () => {
    const cookie = await gw.login('alice', 'alice-pw', 'alpha');
    const answer = await gw.call('POST', '/auth/project', { cookie, body: { projectId: gw.upstream.projectId('beta') } });
    expect(answer.status).toBe(403);
    expect((await gw.call('GET', '/auth/session', { cookie })).json.project.name).toBe('alpha');
  });

  it('logs out: revokes the token upstream, clears the cookie, forgets the session', async () => {
    const cookie = await gw.login('alice', 'alice-pw', 'alpha');
    const token = [...gw.upstream.tokens.keys()][0];
    const answer = await gw.call('POST', '/auth/logout', { cookie });
    expect(answer.status).toBe(204);
    expect(answer.cookie).toMatch(/^ecs_sid=;.*Max-Age=0/);
    const revoke = gw.upstream.requests.find((r) => r.method === 'DELETE')!;
    expect(revoke.headers['x-auth-token'] === token).toBe(true);
    expect(revoke.headers['x-subject-token'] === token).toBe(true);
    expect(gw.upstream.tokens.has(token)).toBe(false);
    expect(await gw.signedIn(cookie)).toBe(false);
  });

  it('logs out even when IAM cannot be reached', async () => {
    const cookie = await gw.login();
    await gw.upstream.stop();
    expect((await gw.call('POST', '/auth/logout', { cookie })).status).toBe(204);
    expect(await gw.signedIn(cookie)).toBe(false);
    await gw.upstream.start();
  });

  it('describes itself for the login page', async () => {
    const answer = await gw.call('GET', '/auth/config');
    expect(answer.json).toEqual({
      mode: 'login',
      region: null,
      endpointName: new URL(gw.upstream.base).host,
      domain: 'Default',
      upstreamTimeoutMs: DEFAULT_UPSTREAM_TIMEOUT_MS,
    });
  });

  it('offers the test-only expiry route only with GATEWAY_TEST_HOOKS', async () => {
    const cookie = await gw.login();
    expect((await gw.call('POST', '/auth/test/expire-session', { cookie })).status).toBe(404);
    await gw.stop();
    gw = await new GatewayUnderTest().start({ GATEWAY_TEST_HOOKS: '1' });
    const fresh = await gw.login();
    expect((await gw.call('POST', '/auth/test/expire-session', { cookie: fresh })).json).toEqual({ revoked: true });
    const afterwards = await gw.call('GET', `/api/compute/v2.1/${gw.upstream.projectId('alpha')}/servers`, { cookie: fresh });
    expect(afterwards.status).toBe(401);
  });
});
