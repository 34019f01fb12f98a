import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';
import { computeTarget } from './upstream-path.ts';

describe('computeTarget', () => {
  const root = 'http://compute.internal:8774/nova';

  it('appends the path and query below the root', () => {
    expect(computeTarget(root, '/v2.1/p/servers?limit=1').toString()).toBe('http://compute.internal:8774/nova/v2.1/p/servers?limit=1');
    expect(computeTarget(root, '').toString()).toBe('http://compute.internal:8774/nova/');
    expect(computeTarget(root, '/v2.1/p/servers/s/tags/50%25').pathname).toBe('/nova/v2.1/p/servers/s/tags/50%25');
  });

  it.each([
    ['dot-dot segment', '/../v3/auth/tokens'],
    ['dot segment', '/v2.1/./p'],
    ['encoded dot-dot', '/%2e%2e/admin'],
    ['mixed-case encoded dot-dot', '/v2.1/%2E%2e/x'],
    ['half-encoded dot-dot', '/.%2e/x'],
    ['double-encoded dot-dot', '/%252e%252e/x'],
    ['encoded slash', '/v2.1%2f..%2fx'],
    ['backslash', '/v2.1\\..\\x'],
    ['encoded backslash', '/v2.1/%5c..%5cx'],
    ['protocol-relative host', '//evil.example/x'],
    ['absolute URL in the path', '/http://evil.example/x'],
    ['no leading slash', 'evil.example/x'],
    ['userinfo trick', '@evil.example/x'],
    ['encoded NUL', '/v2.1/%00'],
    ['malformed escape', '/v2.1/%zz'],
  ])('refuses %s', (_name, suffix) => {
    expect(() => computeTarget(root, suffix)).toThrowError(/Invalid path/);
  });
});

describe('the gateway forwards only to the configured upstream', () => {
  let gw: GatewayUnderTest;
  let cookie: string;
  beforeEach(async () => {
    gw = await new GatewayUnderTest().start();
    cookie = await gw.login('alice', 'alice-pw', 'alpha');
  });
  afterEach(() => gw.stop());

  it.each([
    '/api/compute/../v3/auth/tokens',
    '/api/compute/%2e%2e/v3/auth/tokens',
    '/api/compute/v2.1/%2e%2e/%2e%2e/v3/auth/projects',
    '/api/compute/%252e%252e/v3/auth/tokens',
    '/api/compute/v2.1%2f..%2f..%2fv3',
    '/api/compute/..%5c..%5cv3',
    '/api/compute//evil.example/x',
    '/api/compute/http://evil.example/x',
  ])('refuses %s with 400 and sends nothing upstream', async (path) => {
    const before = gw.upstream.requests.length;
    const answer = await gw.call('GET', path, { cookie });
    expect(answer.status).toBe(400);
    expect(gw.upstream.requests.length).toBe(before);
  });

  it('refuses an absolute-form request target', async () => {
    const before = gw.upstream.requests.length;
    const answer = await gw.call('GET', `http://evil.example/api/compute/v2.1/x/servers`, { cookie });
    expect(answer.status).toBe(400);
    expect(gw.upstream.requests.length).toBe(before);
  });

  it('ignores the Host header when choosing where to forward', async () => {
    const answer = await gw.call('GET', '/api/compute/v2.1/p/servers', { cookie, headers: { Host: 'evil.example:80' } });
    expect(answer.status).toBe(200);
    const sent = gw.upstream.requestsTo('/compute/');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.host).toBe(new URL(gw.upstream.base).host);
  });
});
