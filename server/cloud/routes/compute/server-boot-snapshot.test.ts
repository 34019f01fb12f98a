import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots } from '../../repositories/snapshots.ts';
import { getVolume } from '../../repositories/volumes.ts';
import { expectContract } from '../../test/contract.ts';
import { catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// Create Server with block_device_mapping_v2 source_type snapshot (spec 4.2): Cinder makes a
// new volume from the snapshot and the server boots from it.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let cat: ReturnType<typeof catalogue>;
/** A snapshot of a system disk (bootable, made from cat.image), 40 GB. */
let systemSnap: string;
/** The seeded snapshot of alpha-data-01, a data disk of 100 GB. */
let dataSnap: string;

const active = (s: Session, id: string) =>
  eventually(() => s.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');

const fromSnapshot = (snapshot: string, bdm: Record<string, unknown> = {}, server: Record<string, unknown> = {}) => ({
  server: {
    name: 'from-snap',
    flavorRef: cat.flavor,
    block_device_mapping_v2: [{ source_type: 'snapshot', destination_type: 'volume', uuid: snapshot, boot_index: 0, ...bdm }],
    ...server,
  },
});

const volumeCount = (s: Session) => s.call('GET', 'os-volumes').then((r) => r.json().volumes.length as number);

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
  cat = catalogue(app, alice);
  dataSnap = listSnapshots(app.db, alice.projectId).find((s) => s.name === 'alpha-data-01-before-upgrade')!.id;
  // A system disk kept after its server: boot from the image onto a volume, then snapshot it.
  const res = await alice.call('POST', 'servers', {
    server: {
      name: 'origin',
      flavorRef: cat.flavor,
      availability_zone: 'az-1',
      block_device_mapping_v2: [{ source_type: 'image', destination_type: 'volume', uuid: cat.image, volume_size: 40, boot_index: 0 }],
    },
  });
  const origin = (await active(alice, res.json().server.id)).json().server;
  const volumeId = origin['os-extended-volumes:volumes_attached'][0].id as string;
  const snap = await alice.call('POST', 'os-snapshots', { snapshot: { volume_id: volumeId, force: true, display_name: 'origin-system' } });
  systemSnap = snap.json().snapshot.id;
  await eventually(() => alice.call('GET', `os-snapshots/${systemSnap}`), (r) => r.json().snapshot.status === 'available');
});
afterAll(() => app.close());

describe('boot from a volume snapshot (4.2)', () => {
  it('[4.2] boots from a snapshot of a system disk: a new bootable volume, attached and in-use, deleted with the server', async () => {
    const res = await alice.call('POST', 'servers', fromSnapshot(systemSnap, { volume_size: 50, delete_on_termination: true }));
    expectContract(res, 'servers.create_server_with_admin_pass');
    const id = res.json().server.id as string;
    const sv = (await active(alice, id)).json().server;
    expect(sv.image).toBe('');
    expect(sv['OS-EXT-AZ:availability_zone']).toBe('az-1');
    const attached = (await alice.call('GET', `servers/${id}`, undefined, { version: '2.3' })).json().server['os-extended-volumes:volumes_attached'];
    expect(attached).toHaveLength(1);
    expect(attached[0].delete_on_termination).toBe(true);

    const volume = (await alice.call('GET', `os-volumes/${attached[0].id}`)).json().volume;
    expect(volume).toMatchObject({ status: 'in-use', size: 50, snapshotId: systemSnap, availabilityZone: 'az-1' });
    expect(volume.attachments).toEqual([{ id: volume.id, volumeId: volume.id, serverId: id, device: '/dev/vda' }]);
    // Cinder copies the bootable flag and the image of the snapshot's volume.
    const stored = getVolume(app.db, alice.projectId, volume.id)!;
    expect(stored.bootable).toBe(true);
    expect(stored.image_id).toBe(cat.image);

    expect((await alice.call('DELETE', `servers/${id}`)).statusCode).toBe(204);
    await eventually(() => alice.call('GET', `os-volumes/${volume.id}`), (r) => r.statusCode === 404);
    expect((await alice.call('GET', `os-snapshots/${systemSnap}`)).json().snapshot.status).toBe('available');
  });

  it("[4.2] takes the snapshot's size without volume_size, and keeps the volume when delete_on_termination is off", async () => {
    const id = (await alice.call('POST', 'servers', fromSnapshot(systemSnap))).json().server.id as string;
    const volumeId = (await active(alice, id)).json().server['os-extended-volumes:volumes_attached'][0].id as string;
    expect((await alice.call('GET', `os-volumes/${volumeId}`)).json().volume.size).toBe(40);
    await alice.call('DELETE', `servers/${id}`);
    const left = await eventually(() => alice.call('GET', `os-volumes/${volumeId}`), (r) => r.json().volume.status === 'available');
    expect(left.json().volume.attachments).toEqual([{}]);
    await alice.call('DELETE', `os-volumes/${volumeId}`);
    await eventually(() => alice.call('GET', `os-volumes/${volumeId}`), (r) => r.statusCode === 404);
  });

  it('[4.2] attaches a snapshot of a data disk as a data volume, but refuses to boot from it', async () => {
    const refused = await alice.call('POST', 'servers', fromSnapshot(dataSnap));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().badRequest.message).toMatch(/^Block Device .+ is not bootable\. Snapshot .+ a server boots only from a snapshot of a system disk\.$/);

    const res = await alice.call('POST', 'servers', fromSnapshot(dataSnap, { boot_index: 1, delete_on_termination: true }, { imageRef: cat.image }));
    expect(res.statusCode).toBe(202);
    const sv = (await active(alice, res.json().server.id)).json().server;
    expect(sv.image.id).toBe(cat.image);
    const [attached] = sv['os-extended-volumes:volumes_attached'];
    expect((await alice.call('GET', `os-volumes/${attached.id}`)).json().volume).toMatchObject({ status: 'in-use', size: 100, snapshotId: dataSnap });
    await alice.call('DELETE', `servers/${sv.id}`);
    await eventually(() => alice.call('GET', `os-volumes/${attached.id}`), (r) => r.statusCode === 404);
  });

  it.each([
    ['an unknown snapshot', () => fromSnapshot('00000000-0000-0000-0000-000000000000'), /^Snapshot 00000000-0000-0000-0000-000000000000 could not be found\.$/],
    ['an unknown data snapshot', () => fromSnapshot('00000000-0000-0000-0000-000000000000', { boot_index: 1 }, { imageRef: cat.image }), /failed to get snapshot 00000000/],
    ['a volume smaller than the snapshot', () => fromSnapshot(systemSnap, { volume_size: 10 }), /Volume size '10'GB cannot be smaller than the snapshot size 40GB/],
    ['another zone than the snapshot', () => fromSnapshot(systemSnap, {}, { availability_zone: 'az-2' }), /same availability zone as the snapshot/],
  ])('[4.2] refuses %s with 400 and stores nothing', async (_c, body, message) => {
    const [servers, volumes] = [(await alice.call('GET', 'servers')).json().servers.length, await volumeCount(alice)];
    const res = await alice.call('POST', 'servers', body());
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toMatch(message);
    expect((await alice.call('GET', 'servers')).json().servers.length).toBe(servers);
    expect(await volumeCount(alice)).toBe(volumes);
  });

  it("[4.2] refuses another project's snapshot as unknown (400)", async () => {
    const res = await bob.call('POST', 'servers', fromSnapshot(systemSnap));
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe(`Snapshot ${systemSnap} could not be found.`);
  });

  it('[4.2] refuses a snapshot that is not available', async () => {
    const volumeId = (await alice.call('GET', `os-snapshots/${systemSnap}`)).json().snapshot.volumeId as string;
    const snap = (await alice.call('POST', 'os-snapshots', { snapshot: { volume_id: volumeId, force: true } })).json().snapshot;
    app.db.prepare(`UPDATE snapshots SET status = 'error', due_at = NULL WHERE id = ?`).run(snap.id);
    const res = await alice.call('POST', 'servers', fromSnapshot(snap.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toMatch(/Originating snapshot status must be one of 'available' values/);
    await alice.call('DELETE', `os-snapshots/${snap.id}`);
  });

  it("[4.2] counts the new volumes against Cinder's quotas (403)", async () => {
    const res = await alice.call('POST', 'servers', fromSnapshot(systemSnap, { volume_size: 5000 }));
    expect(res.statusCode).toBe(403);
    expect(res.json().forbidden.message).toMatch(/VolumeSizeExceedsAvailableQuota: .* Requested 5000G, quota is 1000G/);
  });
});
