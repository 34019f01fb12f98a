import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from './http-io.ts';
import { MemorySessionStore } from './session-store.ts';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
afterEach(() => gw.stop());

describe('GET /healthz and GET /readyz', () => {
  it('healthz says the process is up, without asking anyone', async () => {
    gw = await new GatewayUnderTest().start();
    const answer = await gw.call('GET', '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'up' });
    expect(gw.upstream.requests).toHaveLength(0);
  });

  it('readyz checks IAM, the compute endpoints in use and the session store', async () => {
    gw = await new GatewayUnderTest().start();
    gw.clock.now = Date.now();
    const before = await gw.call('GET', '/readyz');
    expect(before.status).toBe(200);
    expect(before.json.status).toBe('ready');
    // Compute endpoints come from the token catalog: none known before the first login.
    expect(before.json.checks.compute).toEqual({ ok: true, detail: expect.stringMatching(/not known yet/) });
    expect(gw.upstream.requestsTo('/v3')).toHaveLength(1);

    const cookie = await gw.login();
    await gw.call('GET', `/api/compute/v2.1/${gw.upstream.projectId('alpha')}/servers`, { cookie });
    gw.clock.now! += 1_000;
    const after = await gw.call('GET', '/readyz');
    expect(after.json).toEqual({ status: 'ready', checks: { iam: { ok: true }, compute: { ok: true }, sessionStore: { ok: true } } });
    expect(gw.upstream.requests.at(-1)!.url).toBe('/compute/');
  });

  it('readyz answers 503 naming what is unreachable', async () => {
    gw = await new GatewayUnderTest().start({}, (base) => ({ ECS_ENDPOINT: `${base}/compute` }));
    await gw.upstream.stop();
    const answer = await gw.call('GET', '/readyz');
    expect(answer.status).toBe(503);
    expect(answer.json.status).toBe('not_ready');
    expect(answer.json.checks.iam).toEqual({ ok: false, detail: expect.stringMatching(/unreachable \(ECONNREFUSED\)/) });
    expect(answer.json.checks.compute.ok).toBe(false);
    expect(answer.json.checks.sessionStore).toEqual({ ok: true });
    await gw.upstream.start();
  });

  it('readyz answers 503 when the session store does not answer', async () => {
    const store = new MemorySessionStore();
    store.ping = () => Promise.reject(new HttpError(503, 'down', 'session_store_unavailable'));
    gw = await new GatewayUnderTest().using({ store }).start();
    const answer = await gw.call('GET', '/readyz');
    expect(answer.status).toBe(503);
    expect(answer.json.checks).toMatchObject({ iam: { ok: true }, sessionStore: { ok: false, detail: 'unreachable' } });
  });

  it('answers probes arriving within a second from one check', async () => {
    gw = await new GatewayUnderTest().start();
    gw.clock.now = Date.now();
    await Promise.all([gw.call('GET', '/readyz'), gw.call('GET', '/readyz'), gw.call('GET', '/readyz')]);
    expect(gw.upstream.requestsTo('/v3')).toHaveLength(1);
    gw.clock.now += 1_000;
    await gw.call('GET', '/readyz');
    expect(gw.upstream.requestsTo('/v3')).toHaveLength(2);
  });

  it('readyz answers 503 shutting_down once draining has begun, healthz still 200', async () => {
    gw = await new GatewayUnderTest().start();
    gw.gateway.drain();
    const answer = await gw.call('GET', '/readyz');
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ status: 'shutting_down' });
    expect((await gw.call('GET', '/healthz')).status).toBe(200);
  });
});
