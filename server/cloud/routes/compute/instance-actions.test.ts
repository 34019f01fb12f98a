import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from '../../test/contract.ts';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// Which requests leave an instance action, and whose actions can be read, as Nova Zed
// answers: writes of a server's fields, metadata and tags leave none; a deleted server's
// actions are read from microversion 2.21.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
let cat: ReturnType<typeof catalogue>;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
  cat = catalogue(app, alice);
});
afterAll(() => app.close());

const actionsOf = async (s: Session, id: string, version?: string) =>
  ((await s.call('GET', `servers/${id}/os-instance-actions`, undefined, { version })).json().instanceActions as { action: string; request_id: string }[]).map((a) => a.action);
const settled = (id: string) => eventually(() => alice.call('GET', `servers/${id}`), (r) => r.json().server?.['OS-EXT-STS:task_state'] === null);

describe('instance actions as Nova records them (11.1, 11.2)', () => {
  it('[11.1] records none for a rename, metadata writes and tag writes; an action such as lock, yes', async () => {
    const id = await boot(alice, cat, { name: 'quiet' });
    await settled(id);
    const ok = async (method: 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown) => {
      const res = await alice.call(method, path, body, { version: '2.26' });
      expect(res.statusCode, `${method} ${path} ${res.body}`).toBeLessThan(300);
    };
    await ok('PUT', `servers/${id}`, { server: { name: 'renamed', description: 'd' } });
    await ok('POST', `servers/${id}/metadata`, { metadata: { a: '1' } });
    await ok('PUT', `servers/${id}/metadata`, { metadata: { a: '2' } });
    await ok('PUT', `servers/${id}/metadata/b`, { meta: { b: '2' } });
    await ok('DELETE', `servers/${id}/metadata/b`);
    await ok('PUT', `servers/${id}/tags`, { tags: ['x'] });
    await ok('PUT', `servers/${id}/tags/y`);
    await ok('DELETE', `servers/${id}/tags/y`);
    await ok('DELETE', `servers/${id}/tags`);
    expect(await actionsOf(alice, id)).toEqual(['create']);
    await ok('POST', `servers/${id}/action`, { lock: null });
    expect(await actionsOf(alice, id)).toEqual(['lock', 'create']);
  });

  it('[11.1][11.2] reads a deleted server\'s actions from 2.21, not below, and never another project\'s', async () => {
    const id = await boot(alice, cat, { name: 'gone' });
    await settled(id);
    const deletion = await alice.call('DELETE', `servers/${id}`);
    expect(deletion.statusCode).toBe(204);
    await eventually(() => alice.call('GET', `servers/${id}`), (r) => r.statusCode === 404);

    for (const version of ['2.1', '2.20']) {
      const below = await alice.call('GET', `servers/${id}/os-instance-actions`, undefined, { version });
      expect(below.statusCode).toBe(404);
      expect(below.json().itemNotFound.message).toBe(`Instance ${id} could not be found.`);
    }
    expect((await alice.call('GET', `servers/${id}/os-instance-actions`, undefined, { legacy: true })).statusCode).toBe(404);

    const list = await alice.call('GET', `servers/${id}/os-instance-actions`, undefined, { version: '2.21' });
    expectContract(list, 'servers.list_instance_actions', '2.21');
    expect(list.json().instanceActions.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
    const requestId = String(deletion.headers['x-openstack-request-id']);
    const one = await alice.call('GET', `servers/${id}/os-instance-actions/${requestId}`, undefined, { version: '2.26' });
    expectContract(one, 'servers.show_instance_action', '2.26');
    expect(one.json().instanceAction).toMatchObject({ action: 'delete', instance_uuid: id, request_id: requestId });
    const events = (await admin.call('GET', `servers/${id}/os-instance-actions/${requestId}`, undefined, { version: '2.21' })).json().instanceAction.events;
    expect(events).toEqual([expect.objectContaining({ event: 'compute_terminate_instance', result: 'Success' })]);
    expect((await alice.call('GET', `servers/${id}/os-instance-actions/${requestId}`, undefined, { version: '2.20' })).statusCode).toBe(404);

    const unknown = await alice.call('GET', `servers/${id}/os-instance-actions/req-nope`, undefined, { version: '2.21' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().itemNotFound.message).toBe('Action req-nope not found');
    const elsewhere = await bob.call('GET', `servers/${id}/os-instance-actions`, undefined, { version: '2.21' });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().itemNotFound.message).toBe(`Instance ${id} could not be found.`);
  });
});
