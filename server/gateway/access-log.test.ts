import { afterEach, describe, expect, it } from 'vitest';
import { loggablePath } from './access-log.ts';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
afterEach(() => gw.stop());

async function gatewayLogging(env: Record<string, string>) {
  const lines: string[] = [];
  gw = await new GatewayUnderTest().using({ writeAccessLog: (line) => lines.push(line) }).start(env);
  return lines;
}

describe('access log', () => {
  it('writes one JSON line per request: method, path, status, duration, bytes, the cloud request id, the user id', async () => {
    const lines = await gatewayLogging({ ACCESS_LOG: '1' });
    const cookie = await gw.login('alice', 'alice-pw', 'alpha');
    const alpha = gw.upstream.projectId('alpha');
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers?limit=5&token=abc&name=web`, { cookie });
    await gw.call('GET', '/somewhere-in-the-spa');
    await expect.poll(() => lines.length).toBe(3);

    const [login, list, page] = lines.map((line) => JSON.parse(line));
    expect(login).toMatchObject({ method: 'POST', path: '/auth/login', status: 200, userId: 'uid-alice' });
    expect(list).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: 'GET',
      path: `/api/compute/v2.1/${alpha}/servers?limit=5&token=***&name=web`,
      status: 200,
      durationMs: expect.any(Number),
      bytes: Buffer.byteLength(answer.text),
      requestId: 'req-fake-1',
      userId: 'uid-alice',
    });
    expect(page).toMatchObject({ method: 'GET', path: '/somewhere-in-the-spa', status: 200, bytes: 3 });
    expect(page.userId).toBeUndefined();

    // Neither the token nor the session cookie nor the password is ever written.
    const all = lines.join('\n');
    expect(all).not.toContain('tok-');
    expect(all).not.toContain(cookie.split('=')[1]);
    expect(all).not.toContain('alice-pw');
  });

  it('is off in tests unless asked for', async () => {
    const lines = await gatewayLogging({});
    await gw.call('GET', '/auth/config');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);
  });

  it('masks the values of query keys that may carry secrets', () => {
    expect(loggablePath('/a?password=x&auth_token=y&limit=2&api_key=z')).toBe('/a?password=***&auth_token=***&limit=2&api_key=***');
    expect(loggablePath('/a')).toBe('/a');
  });
});
