import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

// Single-user mode: ECS_AUTH_TOKEN replaces logins.
let gw: GatewayUnderTest;
const token = `operator-token-${'y'.repeat(2000)}`;

describe('single-user token mode', () => {
  beforeEach(async () => {
    gw = await new GatewayUnderTest().start({ ECS_AUTH_TOKEN: token });
    gw.upstream.tokens.set(token, { user: 'alice', projectId: gw.upstream.projectId('alpha'), expiresAt: Date.now() + 3_600_000 });
  });
  afterEach(() => gw.stop());

  it('says so in /auth/config', async () => {
    expect((await gw.call('GET', '/auth/config')).json.mode).toBe('token');
  });

  it('describes the session from IAM (GET /v3/auth/tokens with X-Subject-Token), without a cookie', async () => {
    const answer = await gw.call('GET', '/auth/session');
    expect(answer.status).toBe(200);
    expect(answer.json.user.name).toBe('alice');
    expect(answer.json.project.name).toBe('alpha');
    const validate = gw.upstream.requests.find((r) => r.method === 'GET' && r.url === '/v3/auth/tokens')!;
    expect(validate.headers['x-subject-token'] === token).toBe(true);
    expect(validate.headers['x-auth-token'] === token).toBe(true);
  });

  it('forwards compute calls with the configured token', async () => {
    const answer = await gw.call('GET', `/api/compute/v2.1/${gw.upstream.projectId('alpha')}/servers`);
    expect(answer.status).toBe(200);
    expect(gw.upstream.requestsTo('/compute/')[0].headers['x-auth-token'] === token).toBe(true);
    expect(answer.headers['x-auth-token']).toBeUndefined();
  });

  it('has no login, and logout does not revoke the operator token', async () => {
    expect((await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } })).status).toBe(409);
    expect((await gw.call('POST', '/auth/logout')).status).toBe(204);
    expect(gw.upstream.requests.some((r) => r.method === 'DELETE')).toBe(false);
    expect(gw.upstream.tokens.has(token)).toBe(true);
  });

  it('reports 401 session_expired once the token is revoked', async () => {
    gw.upstream.tokens.delete(token);
    const answer = await gw.call('GET', `/api/compute/v2.1/${gw.upstream.projectId('alpha')}/servers`);
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('session_expired');
    expect((await gw.call('GET', '/auth/session')).status).toBe(401);
  });
});
