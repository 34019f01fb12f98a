import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { login, makeCloud } from '../test/harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeCloud();
});
afterAll(() => app.close());

const passwordAuth = (name: string, password: string, project?: unknown) => ({
  auth: {
    identity: { methods: ['password'], password: { user: { name, password, domain: { name: 'Default' } } } },
    ...(project ? { scope: { project } } : {}),
  },
});

describe('identity (section 1.4)', () => {
  it('issues a project-scoped token with a compute catalog', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v3/auth/tokens',
      payload: passwordAuth('alice', 'alice', { name: 'alpha', domain: { name: 'Default' } }),
      headers: { host: 'cloud.test:8774' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-subject-token']).toMatch(/^gAAAAA/);
    const { token } = res.json();
    expect(token.project.name).toBe('alpha');
    expect(token.roles.map((r: { name: string }) => r.name)).toContain('member');
    expect(Date.parse(token.expires_at)).toBeGreaterThan(Date.now());
    const compute = token.catalog.find((s: { type: string }) => s.type === 'compute');
    expect(compute.endpoints[0].url).toBe(`http://cloud.test:8774/v2.1/${token.project.id}`);
    const legacy = token.catalog.find((s: { type: string }) => s.type === 'compute_legacy');
    expect(legacy.endpoints[0].url).toBe(`http://cloud.test:8774/v2/${token.project.id}`);
  });

  it('scopes by project id as well as by name', async () => {
    const s = await login(app, 'bob');
    const res = await app.inject({
      method: 'POST',
      url: '/v3/auth/tokens',
      payload: passwordAuth('bob', 'bob', { id: s.projectId }),
    });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ['wrong password', passwordAuth('alice', 'nope', { name: 'alpha', domain: { name: 'Default' } })],
    ['unknown user', passwordAuth('mallory', 'x', { name: 'alpha', domain: { name: 'Default' } })],
    ['unknown project', passwordAuth('alice', 'alice', { name: 'nowhere', domain: { name: 'Default' } })],
    ['project without a role', passwordAuth('alice', 'alice', { name: 'beta', domain: { name: 'Default' } })],
  ])('answers 401 with one message for %s', async (_case, payload) => {
    const res = await app.inject({ method: 'POST', url: '/v3/auth/tokens', payload });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('The request you have made requires authentication.');
  });

  it('rejects a malformed body with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/v3/auth/tokens', payload: '{"auth":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
  });

  it('lists the projects a user may scope to, and rescopes with the token method', async () => {
    const s = await login(app, 'admin');
    const res = await app.inject({ method: 'GET', url: '/v3/auth/projects', headers: { 'x-auth-token': s.token } });
    const names = res.json().projects.map((p: { name: string }) => p.name);
    expect(names).toEqual(['admin', 'alpha', 'beta']);
    const alpha = res.json().projects.find((p: { name: string }) => p.name === 'alpha');
    const rescoped = await app.inject({
      method: 'POST',
      url: '/v3/auth/tokens',
      payload: { auth: { identity: { methods: ['token'], token: { id: s.token } }, scope: { project: { id: alpha.id } } } },
    });
    expect(rescoped.statusCode).toBe(201);
    expect(rescoped.json().token.project.name).toBe('alpha');
    const alice = await login(app, 'alice');
    const own = await app.inject({ method: 'GET', url: '/v3/auth/projects', headers: { 'x-auth-token': alice.token } });
    expect(own.json().projects.map((p: { name: string }) => p.name)).toEqual(['alpha']);
  });

  it('validates and revokes tokens', async () => {
    const s = await login(app, 'alice');
    const check = () =>
      app.inject({ method: 'GET', url: '/v3/auth/tokens', headers: { 'x-auth-token': s.token, 'x-subject-token': s.token } });
    expect((await check()).statusCode).toBe(200);
    const del = await app.inject({ method: 'DELETE', url: '/v3/auth/tokens', headers: { 'x-auth-token': s.token, 'x-subject-token': s.token } });
    expect(del.statusCode).toBe(204);
    expect((await check()).statusCode).toBe(401);
  });

  it('serves the identity version document', async () => {
    const res = await app.inject({ method: 'GET', url: '/v3' });
    expect(res.json().version.id).toMatch(/^v3/);
  });
});
