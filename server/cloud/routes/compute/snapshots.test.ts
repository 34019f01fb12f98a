import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from '../../test/contract.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';
import { attachVolume } from '../../services/volumes.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
});
afterAll(() => app.close());

async function availableVolume(s: Session): Promise<string> {
  const id = (await s.call('POST', 'os-volumes', { volume: { size: 2 } })).json().volume.id as string;
  await eventually(() => s.call('GET', `os-volumes/${id}`), (r) => r.json().volume.status === 'available');
  return id;
}
const snapshot = (s: Session, body: Record<string, unknown>, opts: { legacy?: boolean } = {}) =>
  s.call('POST', 'os-snapshots', { snapshot: body }, opts);
const showSnapshot = (s: Session, id: string) => s.call('GET', `os-snapshots/${id}`);

describe('snapshots (chapter 20)', () => {
  it('[20.1] creates a snapshot: 200, creating, then available', async () => {
    const volume = await availableVolume(alice);
    const res = await snapshot(alice, { volume_id: volume, display_name: 'nightly', display_description: 'before patching' });
    expectContract(res, 'snapshots.create_get_snapshot');
    const s = res.json().snapshot;
    expect(s).toMatchObject({ volumeId: volume, size: 2, status: 'creating', displayName: 'nightly', displayDescription: 'before patching' });
    await eventually(() => showSnapshot(alice, s.id), (r) => r.json().snapshot.status === 'available');
  });

  it('[20.1] refuses names starting with autobk_snapshot (400)', async () => {
    const volume = await availableVolume(alice);
    const res = await snapshot(alice, { volume_id: volume, display_name: 'autobk_snapshot_2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toMatch(/autobk_snapshot/);
    expect((await snapshot(alice, { volume_id: volume, display_name: 'my_autobk_snapshot' })).statusCode).toBe(200);
  });

  it('[20.1] needs force for an in-use volume', async () => {
    const volume = await availableVolume(alice);
    attachVolume(app.db, { volumeId: volume, serverId: '4f0e8d7c-2a1b-4c3d-8e9f-001122334455', device: '/dev/vdb' });
    const refused = await snapshot(alice, { volume_id: volume });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().badRequest.message).toMatch(/status must be available, but current status is: in-use/);
    expect((await snapshot(alice, { volume_id: volume, force: false })).statusCode).toBe(400);
    const forced = await snapshot(alice, { volume_id: volume, force: 'True' }, { legacy: true });
    expectContract(forced, 'snapshots.create_get_snapshot');
  });

  it('[20.1] answers 404 for an unknown volume or another tenant\'s', async () => {
    const volume = await availableVolume(alice);
    const res = await snapshot(bob, { volume_id: volume });
    expect(res.statusCode).toBe(404);
    expect(res.json().itemNotFound.message).toBe(`Volume ${volume} could not be found.`);
    expect((await snapshot(alice, { volume_id: 'nope' })).statusCode).toBe(404);
  });

  it.each([
    ['no volume_id', {}],
    ['an unknown field', { volume_id: 'x', colour: 'red' }],
    ['a force that is not a boolean', { volume_id: 'x', force: 'maybe' }],
    ['a numeric name', { volume_id: 'x', display_name: 3 }],
  ])('[20.1] refuses %s with 400', async (_case, body) => {
    expect((await snapshot(alice, body)).statusCode).toBe(400);
  });

  it('[20.2] shows a snapshot; another tenant gets 404', async () => {
    const volume = await availableVolume(alice);
    const id = (await snapshot(alice, { volume_id: volume })).json().snapshot.id;
    const res = await showSnapshot(alice, id);
    expectContract(res, 'snapshots.create_get_snapshot');
    const other = await showSnapshot(bob, id);
    expect(other.statusCode).toBe(404);
    expect(other.json().itemNotFound.message).toBe(`Snapshot ${id} could not be found.`);
  });

  it('[20.2] lists snapshots (index and detail) per project', async () => {
    for (const path of ['os-snapshots', 'os-snapshots/detail']) {
      const res = await alice.call('GET', path);
      expectContract(res, 'snapshots.list_snapshots');
      expect(res.json().snapshots.map((s: { displayName: string }) => s.displayName)).toContain('alpha-data-01-before-upgrade');
      expect((await bob.call('GET', path)).json().snapshots).toEqual([]);
    }
  });

  it('[20.3] deletes a snapshot: 202, deleting, then gone; the volume may then be deleted', async () => {
    const volume = await availableVolume(alice);
    const id = (await snapshot(alice, { volume_id: volume })).json().snapshot.id;
    await eventually(() => showSnapshot(alice, id), (r) => r.json().snapshot.status === 'available');
    expect((await alice.call('DELETE', `os-volumes/${volume}`)).statusCode).toBe(400);
    const res = await alice.call('DELETE', `os-snapshots/${id}`);
    expectContract(res, 'snapshots.delete_snapshot');
    await eventually(() => showSnapshot(alice, id), (r) => r.statusCode === 404);
    expect((await alice.call('DELETE', `os-volumes/${volume}`)).statusCode).toBe(202);
  });

  it('[20.3] answers 404 for an unknown or foreign snapshot, 400 while creating', async () => {
    const volume = await availableVolume(alice);
    const id = (await snapshot(alice, { volume_id: volume })).json().snapshot.id;
    expect((await bob.call('DELETE', `os-snapshots/${id}`)).statusCode).toBe(404);
    expect((await alice.call('DELETE', 'os-snapshots/nope')).statusCode).toBe(404);
    const slow = await makeCloud({ transitionMs: 60_000 });
    try {
      const s = await login(slow, 'alice');
      const vol = (await s.call('GET', 'os-volumes')).json().volumes.find((v: { status: string }) => v.status === 'available').id;
      const snap = (await snapshot(s, { volume_id: vol })).json().snapshot;
      expect(snap.status).toBe('creating');
      expect((await s.call('DELETE', `os-snapshots/${snap.id}`)).statusCode).toBe(400);
    } finally {
      await slow.close();
    }
  });
});
