import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

// Version discovery (GET / and GET /v2.1/) by the gateway, once per compute endpoint,
// handed to the page with the session.
let gw: GatewayUnderTest;
afterEach(() => gw.stop());

const discoveryCalls = () => gw.upstream.requestsTo('/compute/').map((r) => r.url);
const session = (cookie: string) => gw.call('GET', '/auth/session', { cookie });

describe('compute version discovery', () => {
  beforeEach(async () => {
    gw = await new GatewayUnderTest().start({ VERSIONS_TTL_SECONDS: '60' });
    gw.clock.now = Date.now();
  });

  it('is done once per endpoint, whoever logs in, and never by the session probe', async () => {
    const first = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    const second = await gw.call('POST', '/auth/login', { body: { username: 'admin', password: 'admin-pw', project: 'beta' } });
    expect(first.json.compute.current.version).toBe('2.79');
    expect(second.json.compute).toEqual(first.json.compute);
    await session(second.cookie!.split(';')[0]);
    expect(discoveryCalls()).toEqual(['/compute/', '/compute/v2.1/']);
  });

  it('past its TTL answers with the cached documents at once and refreshes them in the background', async () => {
    const cookie = await gw.login();
    const before = (await session(cookie)).json.compute;
    gw.clock.now! += 61_000;
    gw.upstream.versions = { max: '2.90' };
    let release!: () => void;
    gw.upstream.versionsGate = new Promise((resolve) => (release = resolve));

    // The endpoint has not answered yet, and the session is answered anyway, from the cache.
    const stale = await session(cookie);
    expect(stale.json.compute).toEqual(before);
    await expect.poll(() => discoveryCalls()).toEqual(['/compute/']);
    release();
    await expect.poll(async () => (await session(cookie)).json.compute.current.version).toBe('2.90');
    expect(discoveryCalls()).toEqual(['/compute/', '/compute/v2.1/']);
  });

  it('keeps the old documents when a refresh fails', async () => {
    const cookie = await gw.login();
    gw.clock.now! += 61_000;
    gw.upstream.versions = null; // 503
    expect((await session(cookie)).json.compute.current.version).toBe('2.79');
    await expect.poll(() => discoveryCalls()).toEqual(['/compute/']);
    expect((await session(cookie)).json.compute.current.version).toBe('2.79');
  });

  it('logs in anyway when discovery fails (compute: null, the page discovers for itself), and tries again next time', async () => {
    gw.upstream.versions = null;
    const login = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    expect(login.status).toBe(200);
    expect(login.json.compute).toBeNull();
    gw.upstream.versions = { max: '2.79' };
    expect((await session(login.cookie!.split(';')[0])).json.compute.current.id).toBe('v2.1');
  });
});
