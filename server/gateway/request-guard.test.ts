import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
let cookie: string;
beforeEach(async () => {
  gw = await new GatewayUnderTest().start();
  cookie = await gw.login('alice', 'alice-pw', 'alpha');
});
afterEach(() => gw.stop());

describe('cross-site request refusal', () => {
  it('refuses a mutating API call without X-Requested-With: ecs-console', async () => {
    const before = gw.upstream.requests.length;
    const answer = await gw.call('DELETE', '/api/compute/v2.1/p/servers/s', { cookie, noCsrfHeader: true });
    expect(answer.status).toBe(403);
    expect(answer.json.error.message).toMatch(/X-Requested-With/);
    expect(gw.upstream.requests.length).toBe(before);
  });

  it('refuses a wrong X-Requested-With value', async () => {
    const answer = await gw.call('POST', '/api/compute/v2.1/p/servers', {
      cookie,
      noCsrfHeader: true,
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      body: {},
    });
    expect(answer.status).toBe(403);
  });

  it('refuses a mutating call from another origin even with the header', async () => {
    const before = gw.upstream.requests.length;
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${gw.port + 1}`]) {
      const answer = await gw.call('POST', '/api/compute/v2.1/p/servers', { cookie, headers: { Origin: origin }, body: {} });
      expect(answer.status).toBe(403);
    }
    expect(gw.upstream.requests.length).toBe(before);
  });

  it('accepts a same-origin mutating call', async () => {
    const answer = await gw.call('POST', '/api/compute/v2.1/p/servers', { cookie, headers: { Origin: gw.origin }, body: {} });
    expect(answer.status).toBe(200);
  });

  it('guards login and logout too', async () => {
    expect((await gw.call('POST', '/auth/login', { noCsrfHeader: true, body: { username: 'alice', password: 'alice-pw' } })).status).toBe(403);
    expect((await gw.call('POST', '/auth/logout', { cookie, noCsrfHeader: true })).status).toBe(403);
    expect((await gw.call('GET', '/auth/session', { cookie })).status).toBe(200);
  });

  it('lets reads through without the header', async () => {
    expect((await gw.call('GET', '/api/compute/v2.1/p/servers', { cookie, noCsrfHeader: true })).status).toBe(200);
  });
});

describe('security headers on gateway answers', () => {
  it('sets CSP, nosniff, frame and referrer policies', async () => {
    const answer = await gw.call('GET', '/auth/config');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});
