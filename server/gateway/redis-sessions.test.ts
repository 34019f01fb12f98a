import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failuresKey, sessionKey } from './redis-stores.ts';
import { FakeUpstream } from './test-support/fake-upstream.ts';
import { GatewayUnderTest } from './test-support/gateway-under-test.ts';
import { RedisUnderTest, findRedisServer } from './test-support/redis-server.ts';

// SESSION_STORE=redis://...: two gateway replicas behind one load balancer share sessions
// and the login throttle. Debian's redis-server runs on a free port for these tests.
const binary = findRedisServer();
if (!binary) {
  console.warn(
    'Skipped the shared-session (Redis) tests: redis-server was not found. ' +
      'Install it with `bash scripts/install-test-deps.sh` (apt-get install redis-server) or set REDIS_SERVER.',
  );
}

const sidOf = (cookie: string) => cookie.replace(/^ecs_sid=/, '');

describe.skipIf(!binary)('sessions and the login throttle in Redis (two replicas)', () => {
  let redis: RedisUnderTest;
  let inspect: Redis;
  let upstream: FakeUpstream;
  let first: GatewayUnderTest;
  let second: GatewayUnderTest;
  let db = 0;

  beforeAll(async () => {
    redis = await new RedisUnderTest(binary!).start();
  });
  afterAll(() => redis?.stop());

  beforeEach(async () => {
    db = (db % 15) + 1; // a database of its own per test
    upstream = await new FakeUpstream().start();
    const env = { SESSION_STORE: redis.url(db), LOGIN_MAX_FAILURES: '3' };
    first = await new GatewayUnderTest().sharing(upstream).start(env);
    second = await new GatewayUnderTest().sharing(upstream).start(env);
    inspect = new Redis(redis.url(db), { lazyConnect: true, maxRetriesPerRequest: 0 });
    await inspect.connect();
    await inspect.flushdb();
  });
  afterEach(async () => {
    inspect.disconnect();
    await first.stop();
    await second.stop();
    await upstream.stop();
    if (!redis.running()) await redis.start();
  });

  it('logs in through one replica and works through the other; logging out through the second ends it on the first', async () => {
    const cookie = await first.login('alice', 'alice-pw', 'alpha');
    expect(await inspect.exists(sessionKey(sidOf(cookie)))).toBe(1);
    // The stored session holds the token; the browser's cookie holds only the id.
    expect(await inspect.get(sessionKey(sidOf(cookie)))).toContain('tok-');

    const session = await second.call('GET', '/auth/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.json.user.name).toBe('alice');
    const alpha = upstream.projectId('alpha');
    expect((await second.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie })).status).toBe(200);

    expect((await second.call('POST', '/auth/logout', { cookie })).status).toBe(204);
    expect(await inspect.exists(sessionKey(sidOf(cookie)))).toBe(0);
    const refused = await first.call('GET', `/api/compute/v2.1/${alpha}/servers`, { cookie });
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('session_expired');
  });

  it('counts failed logins on both replicas toward one limit', async () => {
    const fail = (gw: GatewayUnderTest) => gw.call('POST', '/auth/login', { body: { username: 'alice', password: 'wrong' } });
    expect((await fail(first)).status).toBe(401);
    expect((await fail(second)).status).toBe(401);
    expect((await fail(first)).status).toBe(401);
    const before = upstream.requests.length;
    const throttled = await fail(second);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(upstream.requests.length).toBe(before);
    // The count lives no longer than the window.
    const ttl = await inspect.pttl(failuresKey('127.0.0.1'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('expires a session in Redis when its token expires', async () => {
    upstream.tokenTtlMs = 1_500;
    const cookie = await first.login('alice', 'alice-pw', 'alpha');
    const ttl = await inspect.pttl(sessionKey(sidOf(cookie)));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_500);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(await inspect.exists(sessionKey(sidOf(cookie)))).toBe(0);
    expect((await second.call('GET', `/api/compute/v2.1/${upstream.projectId('alpha')}/servers`, { cookie })).status).toBe(401);
  });

  it('answers 503 when Redis is down, login included, without calling IAM or crashing; recovers when it is back', async () => {
    const cookie = await first.login('alice', 'alice-pw', 'alpha');
    await redis.stop();
    const before = upstream.requests.length;

    const started = Date.now();
    const login = await first.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } });
    expect(login.status).toBe(503);
    expect(login.json.error).toEqual({ code: 'session_store_unavailable', message: expect.stringMatching(/session store is unreachable/) });
    expect(login.cookie).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(upstream.requests.length).toBe(before);

    for (const [method, path] of [
      ['GET', '/auth/session'],
      ['GET', '/auth/projects'],
      ['GET', `/api/compute/v2.1/${upstream.projectId('alpha')}/servers`],
      ['POST', '/auth/logout'],
    ]) {
      const answer = await second.call(method, path, { cookie });
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.json.error.code).toBe('session_store_unavailable');
    }
    // The process is still serving.
    expect((await first.call('GET', '/auth/config')).status).toBe(200);

    await redis.start();
    await expect.poll(async () => (await first.call('POST', '/auth/login', { body: { username: 'alice', password: 'alice-pw' } })).status, {
      timeout: 10_000,
    }).toBe(200);
  });
});
