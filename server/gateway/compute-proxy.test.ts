import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preferredEncoding } from './compression.ts';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';

let gw: GatewayUnderTest;
let cookie: string;
let alpha: string;

beforeEach(async () => {
  gw = await new GatewayUnderTest().start();
  cookie = await gw.login('alice', 'alice-pw', 'alpha');
  alpha = gw.upstream.projectId('alpha');
});
afterEach(() => gw.stop());

const sessionToken = () => [...gw.upstream.tokens.keys()].at(-1)!;

describe('compute proxy', () => {
  it("forwards to the catalog's compute root with the session's token and the microversion headers", async () => {
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers/detail?limit=2&status=ACTIVE`, {
      cookie,
      headers: {
        'OpenStack-API-Version': 'compute 2.79',
        'X-OpenStack-Nova-API-Version': '2.79',
        Authorization: 'Basic c2VjcmV0',
        'X-Auth-Token': 'browser-chosen-token',
      },
    });
    expect(answer.status).toBe(200);
    const sent = gw.upstream.requestsTo('/compute/')[0];
    expect(sent.url).toBe(`/compute/v2.1/${alpha}/servers/detail?limit=2&status=ACTIVE`);
    expect(sent.headers['x-auth-token'] === sessionToken()).toBe(true);
    expect(sent.headers['openstack-api-version']).toBe('compute 2.79');
    expect(sent.headers['x-openstack-nova-api-version']).toBe('2.79');
    expect(sent.headers.cookie).toBeUndefined();
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['x-requested-with']).toBeUndefined();
  });

  it('forwards the versions document at the root', async () => {
    await gw.call('GET', '/api/compute/', { cookie });
    await gw.call('GET', '/api/compute', { cookie });
    expect(gw.upstream.requestsTo('/compute/').map((r) => r.url)).toEqual(['/compute/', '/compute/']);
  });

  it('keeps status, content type and request-id / microversion headers, and strips tokens and cookies', async () => {
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-openstack-request-id']).toBe('req-fake-1');
    expect(answer.headers['x-compute-request-id']).toBe('req-fake-1');
    expect(answer.headers['openstack-api-version']).toBe('compute 2.79');
    expect(answer.headers['x-openstack-nova-api-version']).toBe('2.79');
    expect(answer.headers['x-auth-token']).toBeUndefined();
    expect(answer.headers['x-subject-token']).toBeUndefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers.location).toBeUndefined();
    expect(answer.json).toEqual({ path: `/compute/v2.1/${alpha}/servers`, method: 'GET' });
  });

  it('passes upstream errors through unchanged (except 401)', async () => {
    gw.upstream.compute = (_req, res) => {
      res.writeHead(409, { 'Content-Type': 'application/json' }).end('{"conflictingRequest":{"code":409,"message":"busy"}}');
    };
    const answer = await gw.call('POST', `/api/compute/v2.1/${alpha}/servers/x/action`, { cookie, body: { reboot: { type: 'SOFT' } } });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({ conflictingRequest: { code: 409, message: 'busy' } });
  });

  it('forwards request bodies with their content type and length', async () => {
    const body = { server: { name: 'web-1', flavorRef: '1', imageRef: 'img' } };
    const answer = await gw.call('POST', `/api/compute/v2.1/${alpha}/servers`, { cookie, body });
    expect(answer.status).toBe(200);
    const sent = gw.upstream.requestsTo('/compute/')[0];
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.body)).toEqual(body);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(body))));
  });

  it('refuses bodies over 1 MiB with 413 without calling the upstream', async () => {
    const big = JSON.stringify({ metadata: { blob: 'x'.repeat(1024 * 1024) } });
    const answer = await gw.call('PUT', `/api/compute/v2.1/${alpha}/servers/x/metadata`, { cookie, body: big });
    expect(answer.status).toBe(413);
    expect(gw.upstream.requestsTo('/compute/')).toHaveLength(0);
  });

  it('streams large responses', async () => {
    const output = 'line\n'.repeat(200_000);
    gw.upstream.compute = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"output":"');
      res.write(output.replaceAll('\n', '\\n'));
      res.end('"}');
    };
    const answer = await gw.call('POST', `/api/compute/v2.1/${alpha}/servers/x/action`, { cookie, body: { 'os-getConsoleOutput': {} } });
    expect(answer.json.output).toBe(output);
  });

  it('ends the session when the upstream refuses the token (401 session_expired)', async () => {
    gw.upstream.tokens.clear(); // the token was revoked behind the console's back
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('session_expired');
    expect(answer.cookie).toMatch(/^ecs_sid=;.*Max-Age=0/);
    expect(await gw.signedIn(cookie)).toBe(false);
  });

  it('needs a session', async () => {
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers`);
    expect(answer.status).toBe(401);
    expect(gw.upstream.requestsTo('/compute/')).toHaveLength(0);
  });

  it('answers 502 with a clear message when the compute endpoint is unreachable', async () => {
    await gw.upstream.stop();
    const answer = await gw.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie });
    expect(answer.status).toBe(502);
    expect(answer.json.error.message).toMatch(/compute endpoint .* is unreachable/);
    await gw.upstream.start();
  });

  it('answers 404 for other /api paths', async () => {
    expect((await gw.call('GET', '/api/network/v2.0/networks', { cookie })).status).toBe(404);
    expect((await gw.call('GET', '/api/computer/x', { cookie })).status).toBe(404);
    expect(gw.upstream.requestsTo('/compute/')).toHaveLength(0);
  });
});

describe('compressed answers', () => {
  const list = JSON.stringify({ servers: Array.from({ length: 40 }, (_, i) => ({ id: `server-${i}`, name: `web-${i}`, status: 'ACTIVE' })) });
  const answering = (body: Buffer | string, headers: Record<string, string> = {}, status = 200) => {
    gw.upstream.compute = (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...(status === 204 ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }), ...headers }).end(status === 204 ? undefined : body);
    };
  };
  const get = (acceptEncoding?: string) =>
    gw.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } });

  it('picks brotli or gzip by the q-values of Accept-Encoding, and the identity when asked', () => {
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('br;q=0.4, gzip;q=0.6')).toBe('gzip');
    expect(preferredEncoding('gzip;q=0.5, identity')).toBeUndefined();
    expect(preferredEncoding('*;q=0')).toBeUndefined();
    expect(preferredEncoding('br;q=0, *')).toBe('gzip');
    expect(preferredEncoding('deflate')).toBeUndefined();
  });

  it("passes the cloud's compressed body through untouched, having forwarded the browser's Accept-Encoding", async () => {
    const gzipped = gzipSync(list);
    answering(gzipped, { 'Content-Encoding': 'gzip' });
    const answer = await get('gzip, br');
    expect(gw.upstream.requestsTo('/compute/')[0].headers['accept-encoding']).toBe('gzip, br');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-length']).toBe(String(gzipped.length));
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.body.equals(gzipped)).toBe(true);
  });

  it('compresses a plain answer over 1 KB itself, as the browser prefers', async () => {
    answering(list);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.1, gzip;q=0.9', 'gzip', gunzipSync],
    ] as const) {
      const answer = await get(accept);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['content-length']).toBeUndefined();
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.body.length).toBeLessThan(Buffer.byteLength(list) / 3);
      expect(decode(answer.body).toString('utf8')).toBe(list);
    }
  });

  it('sends plain what the browser does not accept compressed, what is small, not text, or empty', async () => {
    answering(list);
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const answer = await get(accept);
      expect(answer.headers['content-encoding'], accept).toBeUndefined();
      expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(list)));
      expect(answer.text).toBe(list);
    }
    answering('{"servers":[]}');
    expect((await get('gzip')).headers['content-encoding']).toBeUndefined();
    answering(list, { 'Content-Type': 'application/octet-stream' });
    expect((await get('gzip')).headers['content-encoding']).toBeUndefined();
    answering('', {}, 204);
    const empty = await get('gzip');
    expect(empty.status).toBe(204);
    expect(empty.headers['content-encoding']).toBeUndefined();
  });
});

describe('compute endpoint from configuration', () => {
  it('uses ECS_ENDPOINT (version and project id removed) rather than the catalog', async () => {
    await gw.stop();
    gw = await new GatewayUnderTest().start({}, (base) => ({ ECS_ENDPOINT: `${base}/compute/two/v2.1/${'a1'.repeat(16)}` }));
    const login = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    await gw.call('GET', '/api/compute/v2/x/flavors', { cookie: login.cookie!.split(';')[0] });
    // Version discovery at login went there too.
    expect(gw.upstream.requestsTo('/compute/').map((r) => r.url)).toEqual(['/compute/two/', '/compute/two/v2.1/', '/compute/two/v2/x/flavors']);
  });

  it("picks ECS_REGION's public compute endpoint from the catalog", async () => {
    await gw.stop();
    gw = await new GatewayUnderTest().start({ ECS_REGION: 'RegionTwo' });
    const login = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    expect(login.json.region).toBe('RegionTwo');
    await gw.call('GET', '/api/compute/v2.1/p/flavors', { cookie: login.cookie!.split(';')[0] });
    expect(gw.upstream.requestsTo('/compute/').map((r) => r.url)).toEqual(['/compute/two/', '/compute/two/v2.1/', '/compute/two/v2.1/p/flavors']);
  });

  it('fails the login clearly when the catalog has no compute endpoint for the region', async () => {
    await gw.stop();
    gw = await new GatewayUnderTest().start({ ECS_REGION: 'Nowhere' });
    const login = await gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw', project: 'alpha' } });
    expect(login.status).toBe(502);
    expect(login.json.error.message).toMatch(/no public compute endpoint in region Nowhere/);
    expect(login.cookie).toBeUndefined();
  });
});

describe('requests that lose their answer (never retried)', () => {
  const serverPath = () => `/api/compute/v2.1/${alpha}/servers/s-1`;
  const upstreamCalls = () => gw.upstream.requestsTo(`/compute/v2.1/${alpha}/servers/s-1`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  async function restartWithTimeout(ms: number) {
    await gw.stop();
    gw = await new GatewayUnderTest().start({ UPSTREAM_TIMEOUT_MS: String(ms) });
    cookie = await gw.login('alice', 'alice-pw', 'alpha');
  }

  it('a write the cloud never answered is outcome_unknown (504), sent once', async () => {
    await restartWithTimeout(300);
    gw.upstream.compute = () => undefined; // the cloud takes it and never answers
    const answer = await gw.call('PUT', serverPath(), { cookie, body: { server: { name: 'renamed' } } });
    expect(answer.status).toBe(504);
    expect(answer.json.error.code).toBe('outcome_unknown');
    expect(answer.json.error.message).toMatch(/may or may not have applied it/);
    await settle();
    expect(upstreamCalls()).toHaveLength(1);
  });

  it('a write whose connection dropped after it was sent is outcome_unknown (502), sent once', async () => {
    gw.upstream.compute = (_req, res) => res.socket?.destroy();
    const answer = await gw.call('POST', `${serverPath()}/action`, { cookie, body: { reboot: { type: 'SOFT' } } });
    expect(answer.status).toBe(502);
    expect(answer.json.error.code).toBe('outcome_unknown');
    await settle();
    expect(gw.upstream.requestsTo(`/compute/v2.1/${alpha}/servers/s-1/action`)).toHaveLength(1);
  });

  it('a write that could not be delivered (connection refused) is upstream_unreachable: it was not sent', async () => {
    await gw.upstream.stop();
    const answer = await gw.call('DELETE', serverPath(), { cookie });
    expect(answer.status).toBe(502);
    expect(answer.json.error.code).toBe('upstream_unreachable');
    expect(answer.json.error.message).toMatch(/unreachable \(ECONNREFUSED\)/);
    await gw.upstream.start();
  });

  it('a read that timed out or dropped stays upstream_unreachable (safe to ask again), also sent once', async () => {
    await restartWithTimeout(300);
    gw.upstream.compute = () => undefined;
    const slow = await gw.call('GET', serverPath(), { cookie });
    expect(slow.status).toBe(504);
    expect(slow.json.error.code).toBe('upstream_unreachable');
    gw.upstream.compute = (_req, res) => res.socket?.destroy();
    const dropped = await gw.call('GET', serverPath(), { cookie });
    expect(dropped.status).toBe(502);
    expect(dropped.json.error.code).toBe('upstream_unreachable');
    await settle();
    expect(upstreamCalls()).toHaveLength(2);
  });
});
