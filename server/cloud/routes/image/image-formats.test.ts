import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrations } from '../../db/migrations/index.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// An image's disk and container formats are Glance's own fields (as on a real Nova + Glance):
// the Image API shows them, the compute API's image metadata never does, and its metadata
// writes cannot replace them (migration 006).

let app: FastifyInstance;
let alice: Session;
let bob: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
});
afterAll(() => app.close());

type Doc = Record<string, unknown> & { id: string; name: string; status: string };
const glance = async (s: Session, path: string) => {
  const res = await app.inject({ method: 'GET', url: `/image/v2/${path}`, headers: { 'x-auth-token': s.token, accept: 'application/json' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const formats = async (s: Session, id: string) => {
  const doc = (await glance(s, `images/${id}`)) as Doc;
  return { disk_format: doc.disk_format, container_format: doc.container_format };
};
const idOf = async (s: Session, name: string) => ((await glance(s, `images?name=${encodeURIComponent(name)}`)).images as Doc[])[0].id;
const metadataOf = async (s: Session, id: string) => (await s.call('GET', `images/${id}/metadata`)).json().metadata as Record<string, string>;
const QCOW2 = { disk_format: 'qcow2', container_format: 'bare' };

describe("an image's formats: Glance's fields, not the compute API's metadata", () => {
  it('shows the seeded images as qcow2 in a bare container in the Image API, and never in the compute metadata', async () => {
    const images = (await glance(bob, 'images?limit=100')).images as Doc[];
    expect(images.length).toBeGreaterThan(0);
    for (const i of images) expect({ name: i.name, disk_format: i.disk_format, container_format: i.container_format }).toEqual({ name: i.name, ...QCOW2 });
    const detail = (await bob.call('GET', 'images/detail')).json().images as { metadata: Record<string, string> }[];
    expect(detail).toHaveLength(images.length);
    for (const i of detail) {
      expect(i.metadata).not.toHaveProperty('disk_format');
      expect(i.metadata).not.toHaveProperty('container_format');
    }
  });

  it('keeps them through a PUT that replaces all metadata, and the disk_format filter still finds the image', async () => {
    const id = await idOf(alice, 'alpha-nginx-golden');
    const put = await alice.call('PUT', `images/${id}/metadata`, { metadata: { only: 'this' } });
    expect(put.statusCode).toBe(200);
    expect(await metadataOf(alice, id)).toEqual({ only: 'this' });
    expect(await formats(alice, id)).toEqual(QCOW2);
    expect(((await glance(alice, 'images?disk_format=qcow2&container_format=bare&visibility=private')).images as Doc[]).map((i) => i.id)).toEqual([id]);
    expect((await glance(alice, 'images?disk_format=raw')).images).toEqual([]);
  });

  it("refuses to replace them through the metadata, as Glance refuses it for an image with data, and never keeps them as properties", async () => {
    const id = await idOf(alice, 'alpha-nginx-golden');
    await alice.call('PUT', `images/${id}/metadata`, { metadata: { a: '1' } });
    for (const write of [
      () => alice.call('PUT', `images/${id}/metadata`, { metadata: { a: '1', disk_format: 'raw' } }),
      () => alice.call('POST', `images/${id}/metadata`, { metadata: { container_format: 'ovf' } }),
      () => alice.call('PUT', `images/${id}/metadata/disk_format`, { meta: { disk_format: 'vmdk' } }),
    ]) {
      const res = await write();
      expect(res.statusCode).toBe(403);
      expect(res.json().forbidden.message).toBe(`Not authorized for image ${id}.`);
    }
    expect(await metadataOf(alice, id)).toEqual({ a: '1' });
    expect(await formats(alice, id)).toEqual(QCOW2);
    // The same values change nothing: Nova answers what it was sent, Glance has nothing to replace.
    const same = await alice.call('POST', `images/${id}/metadata`, { metadata: { disk_format: 'qcow2', b: '2' } });
    expect(same.statusCode).toBe(200);
    expect(same.json().metadata).toEqual({ a: '1', b: '2', disk_format: 'qcow2' });
    expect(await metadataOf(alice, id)).toEqual({ a: '1', b: '2' });
    const missing = await alice.call('DELETE', `images/${id}/metadata/disk_format`);
    expect(missing.statusCode).toBe(404);
    expect(await formats(alice, id)).toEqual(QCOW2);
  });

  it("gives a server's snapshot none while it is saving, then its base image's formats", async () => {
    const server = ((await alice.call('GET', 'servers?name=web-01')).json().servers as { id: string }[])[0].id;
    const made = await alice.call('POST', `servers/${server}/action`, { createImage: { name: 'formats-snap', metadata: { disk_format: 'raw' } } });
    expect(made.statusCode).toBe(202);
    const id = String(made.headers.location).split('/').pop()!;
    const saving = (await glance(alice, `images/${id}`)) as Doc;
    expect(saving).toMatchObject({ status: 'saving', disk_format: null, container_format: null });
    expect(((await glance(alice, 'images?disk_format=qcow2&limit=100')).images as Doc[]).map((i) => i.id)).not.toContain(id);
    await eventually(async () => (await glance(alice, `images/${id}`)) as Doc, (d) => d.status === 'active');
    expect(await formats(alice, id)).toEqual(QCOW2);
    expect(((await glance(alice, 'images?disk_format=qcow2&limit=100')).images as Doc[]).map((i) => i.id)).toContain(id);
    const compute = (await alice.call('GET', `images/${id}`)).json().image as { metadata: Record<string, string> };
    expect(compute.metadata).toMatchObject({ image_type: 'snapshot', instance_uuid: server });
    expect(compute.metadata).not.toHaveProperty('disk_format');
    expect(compute.metadata).not.toHaveProperty('container_format');
  });
});

describe('migration 006', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-image-formats-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves formats kept as properties to the columns, and gives older seeded images and snapshots theirs', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    const before = migrations.filter((m) => m.id < '006');
    for (const m of before) old.exec(m.sql);
    old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of before) old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.id, 'then');
    const insert = old.prepare(
      `INSERT INTO images (id, seq, project_id, name, status, visibility, metadata, created_at, updated_at)
       VALUES (?, ?, NULL, ?, 'active', 'public', ?, 't', 't')`,
    );
    [
      ['kept', { disk_format: 'vmdk', container_format: 'ova', os: 'x' }],
      ['half', { disk_format: 'raw' }],
      ['invalid', { disk_format: 'floppy', container_format: 'box', os: 'y' }],
      ['seeded', { os: 'z' }],
      ['snap', { instance_uuid: 's1', base_image_ref: 'kept', image_type: 'snapshot' }],
      ['volume-snap', { instance_uuid: 's2', image_type: 'snapshot' }],
    ].forEach(([id, md], n) => insert.run(id, n + 1, id, JSON.stringify(md)));
    old.close();
    const { db } = openDatabase(file);
    try {
      const rows = db.prepare('SELECT id, disk_format, container_format, metadata FROM images ORDER BY seq').all();
      expect(rows).toEqual([
        { id: 'kept', disk_format: 'vmdk', container_format: 'ova', metadata: '{"os":"x"}' },
        { id: 'half', disk_format: 'raw', container_format: 'bare', metadata: '{}' },
        // Glance's schema allows neither value: the keys go, the seed's formats come.
        { id: 'invalid', disk_format: 'qcow2', container_format: 'bare', metadata: '{"os":"y"}' },
        { id: 'seeded', disk_format: 'qcow2', container_format: 'bare', metadata: '{"os":"z"}' },
        { id: 'snap', disk_format: 'vmdk', container_format: 'ova', metadata: '{"instance_uuid":"s1","base_image_ref":"kept","image_type":"snapshot"}' },
        { id: 'volume-snap', disk_format: null, container_format: null, metadata: '{"instance_uuid":"s2","image_type":"snapshot"}' },
      ]);
    } finally {
      db.close();
    }
  });
});
