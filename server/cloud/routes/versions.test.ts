import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from '../test/contract.ts';
import { login, makeCloud } from '../test/harness.ts';

// The core's public entry points, titled by spec section for the coverage check:
// identity (1.4) and the version documents (3.3, 3.4).

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeCloud();
});
afterAll(() => app.close());

describe('entry points', () => {
  it('[1.4] issues a token whose catalog leads to a working compute endpoint', async () => {
    const s = await login(app, 'alice');
    const check = await app.inject({ method: 'GET', url: `/v2.1/${s.projectId}/servers`, headers: { 'x-auth-token': s.token } });
    expect(check.statusCode).toBe(200);
    const none = await app.inject({ method: 'GET', url: `/v2.1/${s.projectId}/servers` });
    expect(none.statusCode).toBe(401);
    const other = await app.inject({ method: 'GET', url: '/v2.1/someone-else/servers', headers: { 'x-auth-token': s.token } });
    expect(other.statusCode).toBe(400);
  });

  it('[3.3] lists the versions', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expectContract(res, 'versions.list_versions');
    expect(res.json().versions.map((v: { id: string }) => v.id)).toEqual(['v2.0', 'v2.1']);
  });

  it('[3.4] shows one version with its microversion range', async () => {
    const res = await app.inject({ method: 'GET', url: '/v2.1' });
    expectContract(res, 'versions.get_one_version');
    expect(res.json().version).toMatchObject({ id: 'v2.1', min_version: '2.1', version: '2.26' });
    const legacy = await app.inject({ method: 'GET', url: '/v2' });
    expectContract(legacy, 'versions.get_one_version');
    expect(legacy.json().version).toMatchObject({ id: 'v2.0', status: 'DEPRECATED' });
  });
});
