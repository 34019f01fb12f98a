import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { login, makeCloud } from '../test/harness.ts';

let app: FastifyInstance | undefined;
afterEach(() => app?.close());

/** A cloud listening on a free port (a dropped connection needs a real socket), with these rules. */
async function cloudWith(route: string, rule: { drop?: number; dropAnswer?: number }) {
  app = await makeCloud({ faults: [{ route, ...rule }] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const alice = await login(app, 'alice');
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v2.1/${alice.projectId}`;
  const { servers } = (await alice.call('GET', 'servers')).json() as { servers: { id: string; name: string }[] };
  const rename = (name: string) =>
    fetch(`${base}/servers/${servers[0].id}`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': alice.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ server: { name } }),
    });
  const nameNow = async () => (await alice.call('GET', `servers/${servers[0].id}`)).json().server.name as string;
  return { rename, nameNow, before: servers[0].name };
}

describe('fault injection (the console’s tests of lost answers)', () => {
  it('drop: the connection is cut before the request is handled — nothing applied', async () => {
    const cloud = await cloudWith('^PUT /v2\\.1/[^/]+/servers/[^/]+$', { drop: 1 });
    await expect(cloud.rename('dropped')).rejects.toThrow();
    expect(await cloud.nameNow()).toBe(cloud.before);
  });

  it('dropAnswer: the request is handled and applied, then its answer is cut', async () => {
    const cloud = await cloudWith('^PUT /v2\\.1/[^/]+/servers/[^/]+$', { dropAnswer: 1 });
    await expect(cloud.rename('applied-unanswered')).rejects.toThrow();
    expect(await cloud.nameNow()).toBe('applied-unanswered');
  });
});
