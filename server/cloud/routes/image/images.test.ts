import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImage } from '../../repositories/images.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// The Image API v2 (Glance) under /image: the read side clients use and delete, over the
// images the compute API's /images proxy shows, with Glance's visibility, paging and messages.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
/** bob's own private image, which alice must never see. */
let bobsImage: string;

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
  bobsImage = insertImage(app.db, { projectId: bob.projectId, userId: bob.userId, name: 'beta-private', status: 'active', visibility: 'private' }).id;
});
afterAll(() => app.close());

const glance = (s: Session, path: string, opts: Partial<InjectOptions> = {}) =>
  app.inject({ method: 'GET', ...opts, url: `/image/v2/${path}`, headers: { 'x-auth-token': s.token, accept: 'application/json', ...opts.headers } });

type Doc = Record<string, unknown> & { id: string; name: string; status: string; owner: string | null; visibility: string };
type ListDoc = { images: Doc[]; first: string; schema: string; next?: string };
const list = async (s: Session, query = ''): Promise<ListDoc> => {
  const res = await glance(s, `images${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListDoc;
};
const names = async (s: Session, query = '') => (await list(s, query)).images.map((i) => i.name);
/** The message of a Glance error answered as JSON. */
const message = (res: { json: () => { message: string } }) => res.json().message.replace(/<br \/><br \/>\n\n\n$/, '');
const idOf = async (s: Session, name: string) => (await list(s, `?name=${encodeURIComponent(name)}`)).images[0].id;

describe('Image API v2: which images a caller sees', () => {
  it("lists the public images and the project's own, never another project's private image", async () => {
    const seen = await names(alice);
    expect(seen).toContain('CentOS 7.9 64bit');
    expect(seen).toContain('alpha-nginx-golden');
    expect(seen).not.toContain('beta-private');
    expect(await names(bob)).not.toContain('alpha-nginx-golden');
    expect(await names(bob)).toContain('beta-private');
  });

  it('lets an admin see every project\'s images, as Glance does', async () => {
    const seen = await names(admin);
    expect(seen).toEqual(expect.arrayContaining(['alpha-nginx-golden', 'beta-private', 'CentOS 7.9 64bit']));
    expect((await glance(admin, `images/${bobsImage}`)).statusCode).toBe(200);
  });

  it('shows the same images as the compute API\'s /images proxy, a server\'s new image included (saving, then active)', async () => {
    const computeIds = async () => ((await alice.call('GET', 'images')).json().images as { id: string }[]).map((i) => i.id).sort();
    const glanceIds = async () => (await list(alice)).images.map((i) => i.id).sort();
    expect(await glanceIds()).toEqual(await computeIds());

    const server = ((await alice.call('GET', 'servers?name=web-01')).json().servers as { id: string }[])[0].id;
    const made = await alice.call('POST', `servers/${server}/action`, { createImage: { name: 'web-01-snap', metadata: { purpose: 'check' } } });
    expect(made.statusCode).toBe(202);
    const id = String(made.headers.location).split('/').pop()!;
    const saving = (await glance(alice, `images/${id}`)).json() as Doc;
    expect(saving).toMatchObject({ name: 'web-01-snap', status: 'saving', visibility: 'private', owner: alice.projectId, purpose: 'check', instance_uuid: server });
    await eventually(async () => (await glance(alice, `images/${id}`)).json() as Doc, (d) => d.status === 'active');
    expect(await glanceIds()).toEqual(await computeIds());
    expect(await glanceIds()).toContain(id);
  });

  it('renders an image as Glance does: its properties beside Glance\'s attributes', async () => {
    const id = await idOf(alice, 'alpha-nginx-golden');
    const res = await glance(alice, `images/${id}`);
    expect(res.statusCode).toBe(200);
    const doc = res.json() as Doc;
    expect(doc).toMatchObject({
      id,
      name: 'alpha-nginx-golden',
      status: 'active',
      visibility: 'private',
      owner: alice.projectId,
      min_ram: 1024,
      min_disk: 40,
      size: Math.round(1.9 * 1024 ** 3),
      virtual_size: null,
      checksum: null,
      protected: false,
      os_hidden: false,
      disk_format: null,
      container_format: null,
      tags: [],
      self: `/v2/images/${id}`,
      file: `/v2/images/${id}/file`,
      schema: '/v2/schemas/image',
      // the compute API's image metadata are Glance's properties
      __imagetype: 'private',
      __os_type: 'Linux',
      image_source_type: 'uds',
    });
    expect(doc.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const centos = (await glance(bob, `images/${await idOf(bob, 'CentOS 7.9 64bit')}`)).json() as Doc;
    expect(centos).toMatchObject({ visibility: 'public', owner: null });
  });

  it("answers 404 with Glance's message for another project's image, an unknown id and a deleted image", async () => {
    const res = await glance(alice, `images/${bobsImage}`);
    expect(res.statusCode).toBe(404);
    expect(message(res)).toBe(`No image found with ID ${bobsImage}`);
    expect((await glance(alice, 'images/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    const gone = insertImage(app.db, { projectId: alice.projectId, name: 'gone', status: 'deleted', visibility: 'private' }).id;
    expect((await glance(alice, `images/${gone}`)).statusCode).toBe(404);
    expect(await names(alice)).not.toContain('gone');
  });
});

describe('Image API v2: delete', () => {
  const ownImage = (name: string) => insertImage(app.db, { projectId: alice.projectId, userId: alice.userId, name, status: 'active', visibility: 'private' }).id;

  it('deletes an own image (204): gone from both APIs, the row kept as Glance keeps it (status deleted)', async () => {
    const id = ownImage('alpha-to-delete');
    const res = await glance(alice, `images/${id}`, { method: 'DELETE' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await glance(alice, `images/${id}`)).statusCode).toBe(404);
    expect(await names(alice)).not.toContain('alpha-to-delete');
    expect((await alice.call('GET', `images/${id}`)).statusCode).toBe(404);
    expect(app.db.prepare('SELECT status FROM images WHERE id = ?').get(id)).toEqual({ status: 'deleted' });
    const again = await glance(alice, `images/${id}`, { method: 'DELETE' });
    expect(again.statusCode).toBe(404);
    expect(message(again)).toBe(`Failed to find image ${id} to delete`);
  });

  it('sees a delete made through the compute API', async () => {
    const id = ownImage('alpha-deleted-by-nova');
    expect((await alice.call('DELETE', `images/${id}`)).statusCode).toBe(204);
    expect((await glance(alice, `images/${id}`)).statusCode).toBe(404);
  });

  it('refuses a member the deletion of a public image (403) and hides another project\'s image (404)', async () => {
    const centos = await idOf(alice, 'CentOS 7.9 64bit');
    const res = await glance(alice, `images/${centos}`, { method: 'DELETE' });
    expect(res.statusCode).toBe(403);
    expect(message(res)).toBe('You do not own this image');
    expect((await glance(alice, `images/${centos}`)).statusCode).toBe(200);
    const other = await glance(alice, `images/${bobsImage}`, { method: 'DELETE' });
    expect(other.statusCode).toBe(404);
    expect((await glance(bob, `images/${bobsImage}`)).statusCode).toBe(200);
  });

  it("lets an admin delete another project's image", async () => {
    const id = insertImage(app.db, { projectId: bob.projectId, name: 'beta-admin-deletes', status: 'active', visibility: 'private' }).id;
    expect((await glance(admin, `images/${id}`, { method: 'DELETE' })).statusCode).toBe(204);
    expect(await names(bob)).not.toContain('beta-admin-deletes');
  });
});
