import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateServer } from '../../repositories/servers.ts';
import { expectContract } from '../../test/contract.ts';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// What a server's detail shows as its state moves, as Nova shows it. Steps are moved by hand
// (a minute-long build that never advances on its own), so each state is seen for sure.

let app: FastifyInstance;
let alice: Session;
let cat: ReturnType<typeof catalogue>;
beforeAll(async () => {
  app = await makeCloud({ transitionMs: 240_000 });
  alice = await login(app, 'alice');
  cat = catalogue(app, alice);
});
afterAll(() => app.close());

/** The server as show and as list detail give it (they must agree, but for progress), at 2.26. */
async function seen(id: string) {
  const one = (await alice.call('GET', `servers/${id}`, undefined, { version: '2.26' })).json().server;
  const listed = ((await alice.call('GET', 'servers/detail', undefined, { version: '2.26' })).json().servers as { id: string }[]).find((s) => s.id === id);
  // Progress moves with the clock between the two requests.
  expect({ ...listed, progress: 0 }).toEqual({ ...one, progress: 0 });
  return one as Record<string, unknown>;
}

describe('security_groups of the server detail', () => {
  it('[4.3][4.5] has none while the build has not made its ports, as Nova, then the groups', async () => {
    const made = await alice.call('POST', 'servers', { server: { name: 'early', imageRef: cat.image, flavorRef: cat.flavor, networks: [{ uuid: cat.network.id }] } });
    expectContract(made, 'servers.create_server_with_admin_pass');
    // The create answer names the groups asked for, as Nova's does.
    expect(made.json().server.security_groups).toEqual([{ name: 'default' }]);
    const id = made.json().server.id as string;
    for (const step of ['scheduling', 'block_device_mapping', 'networking']) {
      updateServer(app.db, id, { task_state: step }, new Date().toISOString());
      const server = await seen(id);
      expect(server).toMatchObject({ status: 'BUILD', 'OS-EXT-STS:task_state': step });
      expect(server).not.toHaveProperty('security_groups');
    }
    updateServer(app.db, id, { task_state: 'spawning' }, new Date().toISOString());
    expect((await seen(id)).security_groups).toEqual([{ name: 'default' }]);
    updateServer(app.db, id, { vm_state: 'active', task_state: null, due_at: null, task_payload: null }, new Date().toISOString());
    expect((await seen(id)).security_groups).toEqual([{ name: 'default' }]);
  });

  it('[22.6][4.5] has none once the server has no group, nor once it is deleted', async () => {
    const fast = await makeCloud();
    try {
      const [a, root] = await Promise.all([login(fast, 'alice'), login(fast, 'admin', 'alpha')]);
      const id = await boot(a, catalogue(fast, a), { name: 'bare', networks: [{ uuid: catalogue(fast, a).network.id }] });
      await eventually(() => a.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');
      expect((await a.call('POST', `servers/${id}/action`, { removeSecurityGroup: { name: 'default' } })).statusCode).toBe(202);
      expect((await a.call('GET', `servers/${id}`)).json().server).not.toHaveProperty('security_groups');
      expect((await a.call('DELETE', `servers/${id}`)).statusCode).toBe(204);
      await eventually(() => a.call('GET', `servers/${id}`), (r) => r.statusCode === 404);
      const deleted = ((await root.call('GET', 'servers/detail?deleted=true')).json().servers as { id: string }[]).find((s) => s.id === id);
      expect(deleted).toMatchObject({ status: 'DELETED' });
      expect(deleted).not.toHaveProperty('security_groups');
    } finally {
      await fast.close();
    }
  });
});
