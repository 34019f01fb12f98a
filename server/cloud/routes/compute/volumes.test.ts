import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOfServers, getVolume, releaseServerVolumes } from '../../repositories/volumes.ts';
import { advanceResources } from '../../repositories/resource-transitions.ts';
import { expectContract } from '../../test/contract.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';
import { attachVolume, createBootVolume, detachVolume } from '../../services/volumes.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
/** Each block gets a fresh cloud: Cinder's quota of 10 volumes per project holds here too. */
function freshCloud() {
  beforeAll(async () => {
    app = await makeCloud();
    [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
  });
  afterAll(() => app.close());
}

type VolumeView = { id: string; status: string; attachments: object[]; displayName: string | null; size: number; availabilityZone: string };
const create = (s: Session, volume: Record<string, unknown>, opts: { legacy?: boolean } = {}) =>
  s.call('POST', 'os-volumes', { volume }, opts);
const show = async (s: Session, id: string) => (await s.call('GET', `os-volumes/${id}`)).json().volume as VolumeView;
const untilStatus = (s: Session, id: string, status: string) => eventually(() => show(s, id), (v) => v?.status === status);
const volumeCount = (s: Session) => (app.db.prepare('SELECT COUNT(*) AS n FROM volumes WHERE project_id = ?').get(s.projectId) as { n: number }).n;

async function availableVolume(s: Session, name: string, size = 1): Promise<string> {
  const res = await create(s, { size, display_name: name });
  expect(res.statusCode).toBe(200);
  const id = res.json().volume.id as string;
  await untilStatus(s, id, 'available');
  return id;
}

describe('creating volumes (19.1)', () => {
  freshCloud();

  it('[19.1] creates a volume: 200, creating, then available', async () => {
    const res = await create(alice, {
      size: 10,
      display_name: 'data',
      display_description: 'for the database',
      volume_type: 'SSD',
      availability_zone: 'az-2',
      metadata: { team: 'db' },
    });
    expectContract(res, 'volumes.create_get_volume');
    const v = res.json().volume;
    expect(v).toMatchObject({
      status: 'creating',
      size: 10,
      displayName: 'data',
      displayDescription: 'for the database',
      volumeType: 'SSD',
      availabilityZone: 'az-2',
      snapshotId: null,
      metadata: { team: 'db' },
      attachments: [{}],
    });
    expect(v.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    await untilStatus(alice, v.id, 'available');
  });

  it('[19.1] accepts the spec\'s own sample body (nulls) on /v2, in the first zone', async () => {
    const res = await create(
      alice,
      { availability_zone: null, display_description: null, snapshot_id: null, size: 1, display_name: 'test', volume_type: null, metadata: {} },
      { legacy: true },
    );
    expectContract(res, 'volumes.create_get_volume');
    expect(res.json().volume).toMatchObject({ availabilityZone: 'az-1', volumeType: null, displayDescription: null });
  });

  it('[19.1] puts a volume asked in an unknown zone into error, as the spec says', async () => {
    const res = await create(alice, { size: 1, availability_zone: 'az-9' });
    expect(res.statusCode).toBe(200);
    await untilStatus(alice, res.json().volume.id, 'error');
  });

  it.each([
    ['size 0', { size: 0 }],
    ['a negative size', { size: -1 }],
    ['a size that is not a number', { size: 'ten' }],
    ['no size', { display_name: 'x' }],
    ['an unknown field', { size: 1, colour: 'red' }],
    ['an over-long name', { size: 1, display_name: 'n'.repeat(256) }],
    ['an empty metadata key', { size: 1, metadata: { '': 'x' } }],
    ['a metadata key over 255', { size: 1, metadata: { ['k'.repeat(256)]: 'x' } }],
    ['a metadata value over 255', { size: 1, metadata: { k: 'v'.repeat(256) } }],
    ['a non-string metadata value', { size: 1, metadata: { k: 1 } }],
    ['a name that is a number', { size: 1, display_name: 5 }],
  ])('[19.1] refuses %s with 400 and stores nothing', async (_case, volume) => {
    const before = volumeCount(alice);
    const res = await create(alice, volume);
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.code).toBe(400);
    expect(volumeCount(alice)).toBe(before);
  });

  it('[19.1] refuses a body without `volume` and malformed JSON', async () => {
    expect((await alice.call('POST', 'os-volumes', { size: 1 })).statusCode).toBe(400);
    expect((await alice.call('POST', 'os-volumes', '{"volume":', { headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
  });

  it('[19.1] refuses an unknown volume type with 404', async () => {
    const res = await create(alice, { size: 1, volume_type: 'TAPE' });
    expect(res.statusCode).toBe(404);
    expect(res.json().itemNotFound.message).toBe('Volume type with name TAPE could not be found.');
  });

  it('[19.1] creates from a snapshot: the size defaults to it and may not be smaller', async () => {
    const source = await availableVolume(alice, 'src', 5);
    const snap = (await alice.call('POST', 'os-snapshots', { snapshot: { volume_id: source, display_name: 's' } })).json().snapshot;
    await eventually(() => alice.call('GET', `os-snapshots/${snap.id}`), (r) => r.json().snapshot.status === 'available');
    const res = await create(alice, { snapshot_id: snap.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().volume).toMatchObject({ size: 5, snapshotId: snap.id });
    expect((await create(alice, { snapshot_id: snap.id, size: 2 })).statusCode).toBe(400);
    expect((await create(alice, { snapshot_id: '00000000-0000-0000-0000-000000000000', size: 2 })).statusCode).toBe(404);
    expect((await create(bob, { snapshot_id: snap.id })).statusCode).toBe(404);
  });

  it('[19.1] enforces the volumes quota with 403', async () => {
    const fresh = await makeCloud();
    try {
      const s = await login(fresh, 'bob');
      const existing = (await s.call('GET', 'os-volumes')).json().volumes.length;
      for (let i = existing; i < 10; i++) expect((await create(s, { size: 1 })).statusCode).toBe(200);
      const over = await create(s, { size: 1 });
      expect(over.statusCode).toBe(403);
      expect(over.json().forbidden.message).toMatch(/Maximum number of volumes allowed \(10\) exceeded/);
      expect((await s.call('GET', 'os-volumes')).json().volumes).toHaveLength(10);
    } finally {
      await fresh.close();
    }
  });

});

describe('reading volumes (19.2-19.4)', () => {
  freshCloud();

  it('[19.2] lists the project\'s volumes newest first, with offset and limit', async () => {
    const res = await alice.call('GET', 'os-volumes');
    expectContract(res, 'volumes.list_volumes');
    const list = res.json().volumes as VolumeView[];
    expect(list.map((v) => v.displayName)).toContain('alpha-data-01');
    expect(list.map((v) => v.displayName)).not.toContain('beta-db-data');
    const paged = (await alice.call('GET', 'os-volumes?offset=1&limit=2')).json().volumes as VolumeView[];
    expect(paged.map((v) => v.id)).toEqual(list.slice(1, 3).map((v) => v.id));
    expect((await alice.call('GET', 'os-volumes?limit=-1')).statusCode).toBe(400);
    expect((await alice.call('GET', 'os-volumes?offset=x')).statusCode).toBe(400);
  });

  it('[19.3] lists volume details on /v2 and /v2.1', async () => {
    for (const legacy of [false, true]) {
      const res = await bob.call('GET', 'os-volumes/detail', undefined, { legacy });
      expectContract(res, 'volumes.list_volumes');
      expect(res.json().volumes.map((v: VolumeView) => v.displayName)).toEqual(['beta-db-data']);
    }
  });

  it('[19.4] shows a volume; another tenant gets 404', async () => {
    const id = await availableVolume(alice, 'mine');
    const res = await alice.call('GET', `os-volumes/${id}`, undefined, { version: '2.26' });
    expectContract(res, 'volumes.create_get_volume');
    const other = await bob.call('GET', `os-volumes/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ itemNotFound: { code: 404, message: `Volume ${id} could not be found.` } });
  });

  it('[19.4] shows attachments with device names once attached', async () => {
    const id = await availableVolume(alice, 'attached');
    const server = '0b7a3a3e-5f2c-4f0a-9a57-3f3f0e1d2c01';
    attachVolume(app.db, { volumeId: id, serverId: server, device: '/dev/vdb' });
    const res = await alice.call('GET', `os-volumes/${id}`);
    expectContract(res, 'volumes.create_get_volume');
    expect(res.json().volume).toMatchObject({
      status: 'in-use',
      attachments: [{ id, volumeId: id, serverId: server, device: '/dev/vdb' }],
    });
    expect(attachmentsOfServers(app.db, [server]).get(server)).toEqual([
      { id, volumeId: id, serverId: server, device: '/dev/vdb', deleteOnTermination: false },
    ]);
    // Attaching again is Cinder's InvalidVolume: 400.
    expect(() => attachVolume(app.db, { volumeId: id, serverId: server, device: '/dev/vdc' })).toThrow(/status must be 'available'/);
    expect(() => detachVolume(app.db, id, 'someone-else')).toThrow(/volume_id not found/);
    detachVolume(app.db, id, server);
    expect((await show(alice, id)).status).toBe('available');
  });

});

describe('deleting volumes (19.5)', () => {
  freshCloud();

  it('[19.5] deletes a volume: 202, deleting, then gone', async () => {
    const id = await availableVolume(alice, 'doomed');
    const res = await alice.call('DELETE', `os-volumes/${id}`);
    expectContract(res, 'volumes.delete_volume');
    expect((await show(alice, id)).status).toBe('deleting');
    await eventually(() => alice.call('GET', `os-volumes/${id}`), (r) => r.statusCode === 404);
  });

  it('[19.5] refuses to delete an attached volume (400)', async () => {
    const id = await availableVolume(alice, 'busy');
    attachVolume(app.db, { volumeId: id, serverId: '0b7a3a3e-5f2c-4f0a-9a57-3f3f0e1d2c02', device: '/dev/vdb' });
    const res = await alice.call('DELETE', `os-volumes/${id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toMatch(/must not be migrating, attached, belong to a group, have snapshots/);
    expect((await show(alice, id)).status).toBe('in-use');
  });

  it('[19.5] refuses to delete a volume with snapshots, or one still creating (400)', async () => {
    const id = await availableVolume(alice, 'snapped');
    await alice.call('POST', 'os-snapshots', { snapshot: { volume_id: id } });
    expect((await alice.call('DELETE', `os-volumes/${id}`)).statusCode).toBe(400);
    const slow = await makeCloud({ transitionMs: 60_000 });
    try {
      const s = await login(slow, 'alice');
      const v = (await create(s, { size: 1 })).json().volume;
      expect((await s.call('DELETE', `os-volumes/${v.id}`)).statusCode).toBe(400);
    } finally {
      await slow.close();
    }
  });

  it('[19.5] answers 404 for another tenant\'s volume and an unknown id', async () => {
    const id = await availableVolume(alice, 'private');
    expect((await bob.call('DELETE', `os-volumes/${id}`)).statusCode).toBe(404);
    expect((await show(alice, id)).status).toBe('available');
    expect((await alice.call('DELETE', 'os-volumes/nope', undefined, { legacy: true })).statusCode).toBe(404);
  });

  it('[19.5] releases a deleted server\'s volumes: detached, and deleted when marked so', async () => {
    const server = '0b7a3a3e-5f2c-4f0a-9a57-3f3f0e1d2c03';
    const keep = await availableVolume(alice, 'keep');
    const boot = createBootVolume(app.db, { projectId: alice.projectId, size: 40, imageId: 'img', availabilityZone: 'az-1' });
    expect(boot).toMatchObject({ status: 'available', bootable: true, image_id: 'img' });
    attachVolume(app.db, { volumeId: boot.id, serverId: server, device: '/dev/vda', deleteOnTermination: true });
    attachVolume(app.db, { volumeId: keep, serverId: server, device: '/dev/vdb' });
    releaseServerVolumes(app.db, server);
    expect(getVolume(app.db, alice.projectId, keep)).toMatchObject({ status: 'available', attachments: [] });
    expect(getVolume(app.db, alice.projectId, boot.id)?.status).toBe('deleting');
    advanceResources(app.db, Date.now() + 1);
    expect(getVolume(app.db, alice.projectId, boot.id)).toBeUndefined();
  });
});
