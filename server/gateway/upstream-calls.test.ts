import { afterEach, describe, expect, it } from 'vitest';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
afterEach(() => gw.stop());

describe('the calls the gateway makes to the cloud, counted', () => {
  it('lists every call that reached IAM or compute — logins, version discovery, proxied calls — and nothing else', async () => {
    gw = await new GatewayUnderTest().start({ GATEWAY_TEST_HOOKS: '1' });
    const before = (await gw.call('GET', '/auth/test/upstream-calls')).json.total;
    const reached = gw.upstream.requests.length;
    const answer = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', domain: 'Default' } });
    const cookie = answer.cookie!.split(';')[0];
    const project = gw.upstream.projectId('alpha');
    await gw.call('GET', `/api/compute/v2.1/${project}/servers/detail?limit=20`, { cookie });
    await gw.call('POST', `/api/compute/v2.1/${project}/servers/s1/action`, { cookie, body: { reboot: { type: 'SOFT' } } });
    // answered from the session: no call
    await gw.call('GET', '/auth/session', { cookie });
    await gw.call('GET', '/auth/projects', { cookie });

    const counted = (await gw.call('GET', `/auth/test/upstream-calls?after=${before}`)).json;
    const upstream = gw.upstream.requests.slice(reached).map((r) => `${r.method} ${r.url}`);
    expect(counted.calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual(upstream);
    expect(counted.total - before).toBe(upstream.length);
    expect(counted.calls.map((c: { service: string }) => c.service)).toEqual(
      upstream.map((call) => (call.split(' ')[1].startsWith('/v3/') ? 'iam' : 'compute')),
    );
    expect(upstream.filter((call) => call.startsWith('GET ') && call.endsWith(`/v2.1/${project}/servers/detail?limit=20`))).toHaveLength(1);
    expect(upstream.filter((call) => call.startsWith('POST ') && call.endsWith(`/v2.1/${project}/servers/s1/action`))).toHaveLength(1);
  });

  it('is a test hook: without GATEWAY_TEST_HOOKS there is no such route', async () => {
    gw = await new GatewayUnderTest().start();
    expect((await gw.call('GET', '/auth/test/upstream-calls')).status).toBe(404);
  });
});
