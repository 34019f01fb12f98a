import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getImage } from '../../repositories/images.ts';
import { advanceResources } from '../../repositories/resource-transitions.ts';
import { expectContract } from '../../test/contract.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';
import { createServerImage } from '../../services/images.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

type ImageView = { id: string; name: string; status: string; metadata: Record<string, string>; minDisk: number; minRam: number };
const images = async (s: Session, query = '', detail = true) =>
  (await s.call('GET', `images${detail ? '/detail' : ''}${query}`)).json().images as ImageView[];
const byName = async (s: Session, name: string) => (await images(s)).find((i) => i.name === name)!;

describe('images (chapter 7)', () => {
  it('[7.1] lists the public images and the project\'s own, with Glance alternate links', async () => {
    const res = await alice.call('GET', 'images');
    expectContract(res, 'images.list_images');
    const names = res.json().images.map((i: { name: string }) => i.name);
    expect(names).toContain('CentOS 7.9 64bit');
    expect(names).toContain('alpha-nginx-golden');
    expect((await images(bob)).map((i) => i.name)).not.toContain('alpha-nginx-golden');
    const links = res.json().images[0].links;
    expect(links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'bookmark', 'alternate']);
    expect(links[2]).toMatchObject({ type: 'application/vnd.openstack.image' });
  });

  it('[7.1] filters by name, status, minDisk and minRam', async () => {
    expect((await images(bob, '?name=EulerOS%202.5%2064bit')).map((i) => i.name)).toEqual(['EulerOS 2.5 64bit']);
    const windows = await images(bob, '?minRam=2048');
    expect(windows.map((i) => i.name)).toEqual(['Windows Server 2019 Datacenter 64bit']);
    expect(await images(bob, '?minDisk=41')).toEqual([]);
    expect((await images(bob, '?status=active')).length).toBeGreaterThan(5);
    // The spec: 'deleted' is not a status one can filter on.
    expect(await images(bob, '?status=deleted')).toEqual([]);
    const bad = await bob.call('GET', 'images?status=shiny');
    expect(bad.statusCode).toBe(400);
    expect((await bob.call('GET', 'images?minRam=x')).statusCode).toBe(400);
  });

  it('[7.1] pages with limit and marker and an images_links next link', async () => {
    const all = await images(bob, '', false);
    const first = await bob.call('GET', 'images?limit=3');
    expectContract(first, 'images.list_images');
    const body = first.json();
    expect(body.images.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 3).map((i) => i.id));
    const next = new URL(body.images_links[0].href);
    expect(next.pathname).toBe(`/v2.1/${bob.projectId}/images`);
    const second = await bob.call('GET', `images?${next.searchParams}`);
    expect(second.json().images.map((i: { id: string }) => i.id)).toEqual(all.slice(3, 6).map((i) => i.id));
    expect((await bob.call('GET', 'images?marker=00000000-0000-0000-0000-000000000000')).statusCode).toBe(400);
  });

  it('[7.2] lists image details with the metadata the spec shows', async () => {
    for (const legacy of [false, true]) {
      const res = await bob.call('GET', 'images/detail', undefined, { legacy });
      expectContract(res, 'images.list_images_details');
    }
    const centos = await byName(bob, 'CentOS 7.9 64bit');
    expect(centos).toMatchObject({ status: 'ACTIVE', progress: 100, minDisk: 40, minRam: 0 });
    expect(centos.metadata).toMatchObject({ __os_type: 'Linux', __os_version: 'CentOS 7.9 64bit', __platform: 'CentOS', __os_bit: '64' });
    expect((await byName(bob, 'Windows Server 2019 Datacenter 64bit')).metadata.__os_type).toBe('Windows');
  });

  it('[7.3] shows an image; another project\'s private image and unknown ids are 404', async () => {
    const mine = await byName(alice, 'alpha-nginx-golden');
    const res = await alice.call('GET', `images/${mine.id}`, undefined, { version: '2.26' });
    expectContract(res, 'images.get_image', '2.26');
    expect(res.json().image.id).toBe(mine.id);
    const other = await bob.call('GET', `images/${mine.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ itemNotFound: { code: 404, message: 'Image not found.' } });
    expect((await bob.call('GET', 'images/nope')).statusCode).toBe(404);
  });

  it('[7.3] shows a server snapshot as SAVING, then ACTIVE with its server link', async () => {
    const serverId = '6a1c5e43-0d40-4d8b-9f0c-2a8f6c1d1e01';
    const img = createServerImage(app.db, {
      projectId: alice.projectId,
      userId: alice.userId,
      serverId,
      name: 'web-backup',
      metadata: { purpose: 'test' },
      minDisk: 40,
      minRam: 0,
      size: 1234,
      dueInMs: 60_000,
    });
    const saving = await alice.call('GET', `images/${img.id}`);
    expectContract(saving, 'images.get_image');
    expect(saving.json().image).toMatchObject({ status: 'SAVING', progress: 50, server: { id: serverId } });
    expect(saving.json().image.metadata).toMatchObject({ purpose: 'test', image_type: 'snapshot', instance_uuid: serverId });
    expect((await images(alice, `?server=${serverId}&type=snapshot`)).map((i) => i.id)).toEqual([img.id]);
    advanceResources(app.db, Date.now() + 60_000);
    expect(getImage(app.db, alice.projectId, img.id)!.status).toBe('active');
    const active = await alice.call('GET', `images/${img.id}`);
    expect(active.json().image).toMatchObject({ status: 'ACTIVE', progress: 100 });
  });

  it('[7.4] returns an image\'s metadata', async () => {
    const centos = await byName(bob, 'CentOS 7.9 64bit');
    const res = await bob.call('GET', `images/${centos.id}/metadata`);
    expectContract(res, 'images.image_metadata');
    expect(res.json().metadata).toEqual(centos.metadata);
    expect((await bob.call('GET', 'images/nope/metadata')).statusCode).toBe(404);
    const item = await bob.call('GET', `images/${centos.id}/metadata/__os_type`);
    expect(item.json()).toEqual({ meta: { __os_type: 'Linux' } });
  });

  it('[7.5] soft-deletes an own image: gone from lists, DELETED under changes-since', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const img = createServerImage(app.db, {
      projectId: alice.projectId,
      userId: alice.userId,
      serverId: '6a1c5e43-0d40-4d8b-9f0c-2a8f6c1d1e02',
      name: 'to-delete',
      metadata: {},
      minDisk: 40,
      minRam: 0,
      size: 10,
    });
    const res = await alice.call('DELETE', `images/${img.id}`);
    expectContract(res, 'images.delete');
    expect((await alice.call('GET', `images/${img.id}`)).statusCode).toBe(404);
    expect((await images(alice)).map((i) => i.id)).not.toContain(img.id);
    const changed = await images(alice, `?changes-since=${encodeURIComponent(since)}`);
    expect(changed.find((i) => i.id === img.id)?.status).toBe('DELETED');
    expect(app.db.prepare('SELECT status FROM images WHERE id = ?').get(img.id)).toEqual({ status: 'deleted' });
    expect((await alice.call('DELETE', `images/${img.id}`)).statusCode).toBe(404);
    expect((await alice.call('GET', 'images?changes-since=yesterday')).statusCode).toBe(400);
  });

  it('[7.5] refuses a member the deletion of a public image (403) and hides other tenants\' images (404)', async () => {
    const centos = await byName(bob, 'CentOS 7.9 64bit');
    const res = await bob.call('DELETE', `images/${centos.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().forbidden.message).toBe('You are not allowed to delete the image.');
    const golden = await byName(alice, 'alpha-nginx-golden');
    expect((await bob.call('DELETE', `images/${golden.id}`)).statusCode).toBe(404);
    const debian = await byName(admin, 'Debian 11.1.0 64bit');
    expect((await admin.call('DELETE', `images/${debian.id}`, undefined, { legacy: true })).statusCode).toBe(204);
    await eventually(() => images(bob), (list) => !list.some((i) => i.id === debian.id));
  });
});
