import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImage } from '../../repositories/images.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

// The image service as a client meets it: found in the token's catalog, version discovery,
// the token check, Glance's error documents, the schema documents, and the writes it refuses.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let aliceImage: string;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
  aliceImage = insertImage(app.db, { projectId: alice.projectId, name: 'alpha-own', status: 'active', visibility: 'private' }).id;
});
afterAll(() => app.close());

const HOST = 'cloud.test:8774';
const as = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: string | Buffer) =>
  app.inject({ method, url, headers: { host: HOST, ...(s ? { 'x-auth-token': s.token } : {}), ...headers }, ...(payload === undefined ? {} : { payload }) });

describe('image service: catalog and versions', () => {
  it("is found from the token's catalog, and discovery leads to a working /v2", async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v3/auth/tokens',
      headers: { host: HOST },
      payload: {
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'alice', password: 'alice', domain: { name: 'Default' } } } },
          scope: { project: { name: 'alpha', domain: { name: 'Default' } } },
        },
      },
    });
    const image = (res.json().token.catalog as { type: string; name: string; endpoints: { interface: string; url: string; region: string; region_id: string }[] }[]).find(
      (s) => s.type === 'image',
    )!;
    expect(image.name).toBe('glance');
    expect(image.endpoints.map((e) => e.interface).sort()).toEqual(['admin', 'internal', 'public']);
    for (const e of image.endpoints) expect(e).toMatchObject({ url: `http://${HOST}/image`, region: 'RegionOne', region_id: 'RegionOne' });

    const discovery = await as(null, 'GET', new URL(image.endpoints[0].url).pathname);
    expect(discovery.statusCode).toBe(300);
    const current = (discovery.json().versions as { status: string; links: { href: string }[] }[]).find((v) => v.status === 'CURRENT')!;
    const v2 = new URL(current.links[0].href);
    expect(v2.href).toBe(`http://${HOST}/image/v2/`);
    const images = await as({ token: String(res.headers['x-subject-token']) } as Session, 'GET', `${v2.pathname}images`);
    expect(images.statusCode).toBe(200);
    expect(images.json().images.map((i: { name: string }) => i.name)).toContain('alpha-own');
  });

  it("answers the version list as Glance does: 300 at the root and for an unknown version, 200 at /versions, no token needed", async () => {
    const root = await as(null, 'GET', '/image');
    expect(root.statusCode).toBe(300);
    const versions = root.json().versions as { id: string; status: string; links: { rel: string; href: string }[] }[];
    expect(versions[0]).toEqual({ id: 'v2.15', status: 'CURRENT', links: [{ rel: 'self', href: `http://${HOST}/image/v2/` }] });
    expect(versions.map((v) => v.id)).toEqual(['v2.15', 'v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0']);
    expect(versions.slice(1).every((v) => v.status === 'SUPPORTED')).toBe(true);
    const explicit = await as(null, 'GET', '/image/versions');
    expect(explicit.statusCode).toBe(200);
    expect(explicit.json()).toEqual(root.json());
    expect((await as(null, 'GET', '/image/')).statusCode).toBe(300);
    const other = await as(null, 'GET', '/image/v3/images');
    expect(other.statusCode).toBe(300);
    expect(other.json()).toEqual(root.json());
  });

  it('serves the schema documents its answers point to, and every image it lists validates against them', async () => {
    const res = await as(alice, 'GET', '/image/v2/schemas/image');
    expect(res.statusCode).toBe(200);
    const schema = res.json();
    expect(schema).toMatchObject({ name: 'image', additionalProperties: { type: 'string' } });
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'name', 'status', 'visibility', 'owner', 'min_disk', 'self', 'file', 'schema']));
    const listSchema = (await as(alice, 'GET', '/image/v2/schemas/images')).json();
    expect(listSchema.name).toBe('images');
    const validate = new Ajv({ strict: false }).compile({ ...listSchema.properties.images.items, required: ['id', 'name', 'status'] });
    for (const image of (await as(alice, 'GET', '/image/v2/images')).json().images) expect(validate(image), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('image service: tokens and errors', () => {
  it('asks for a valid project token with 401, as keystonemiddleware answers', async () => {
    for (const headers of [{}, { 'x-auth-token': 'gAAAAAnope' }] as Record<string, string>[]) {
      const res = await as(null, 'GET', '/image/v2/images', { accept: 'application/json', ...headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe(`Keystone uri="http://${HOST}/v3"`);
      expect(res.json()).toMatchObject({ code: '401 Unauthorized', title: 'Unauthorized' });
      expect(res.json().message).toMatch(/^This server could not verify that you are authorized to access the document you requested\./);
    }
  });

  it('writes errors as webob does: HTML by default, JSON or plain text when the Accept header prefers them', async () => {
    const url = '/image/v2/images/00000000-0000-0000-0000-000000000000';
    const html = await as(alice, 'GET', url);
    expect(html.statusCode).toBe(404);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toBe(
      '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n' +
        '  No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n\n </body>\n</html>',
    );
    expect(html.headers['x-openstack-request-id']).toMatch(/^req-/);
    const json = await as(alice, 'GET', url, { accept: 'application/json' });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toEqual({
      message: 'No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n',
      code: '404 Not Found',
      title: 'Not Found',
    });
    const plain = await as(alice, 'GET', url, { accept: 'text/plain' });
    expect(plain.headers['content-type']).toMatch(/^text\/plain/);
    expect(plain.body).toBe('404 Not Found\n\nNo image found with ID 00000000-0000-0000-0000-000000000000\n\n   ');
    expect((await as(alice, 'GET', url, { accept: 'application/json;q=0.5, text/html' })).headers['content-type']).toMatch(/^text\/html/);
    expect((await as(alice, 'GET', url, { accept: '*/*' })).headers['content-type']).toMatch(/^text\/html/);
  });

  it("escapes what a caller wrote in an HTML error, and answers an unknown /v2 path with webob's 404", async () => {
    const res = await as(alice, 'GET', `/image/v2/images/${encodeURIComponent('<b>x</b>')}`);
    expect(res.body).toContain('No image found with ID &lt;b&gt;x&lt;/b&gt;');
    expect(res.body).not.toContain('<b>');
    const unknown = await as(alice, 'GET', '/image/v2/nothing-here', { accept: 'application/json' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('The resource could not be found.<br /><br />\n\n\n');
    // The token is checked first, as keystonemiddleware does before Glance's router.
    expect((await as(null, 'GET', '/image/v2/nothing-here')).statusCode).toBe(401);
  });
});

describe('image service: the writes it refuses', () => {
  const refused = async (res: { statusCode: number; json: () => { message: string } }, policy: string) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(new RegExp(`^You are not authorized to complete ${policy} action\\. .+`));
  };
  const json = { accept: 'application/json', 'content-type': 'application/json' };

  it('refuses image create with 403, saying the image service is read-only, and stores nothing', async () => {
    const before = (app.db.prepare('SELECT COUNT(*) AS n FROM images').get() as { n: number }).n;
    const res = await as(alice, 'POST', '/image/v2/images', json, JSON.stringify({ name: 'new', disk_format: 'qcow2', container_format: 'bare' }));
    await refused(res, 'add_image');
    expect(res.json().message).toContain('read-only');
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM images').get() as { n: number }).n).toBe(before);
  });

  it('refuses an upload with 403 before reading it (a body over the request limit is still 403, not 413)', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 1);
    const res = await as(alice, 'PUT', `/image/v2/images/${aliceImage}/file`, { accept: 'application/json', 'content-type': 'application/octet-stream' }, body);
    await refused(res, 'upload_image');
    const unseen = await as(bob, 'PUT', `/image/v2/images/${aliceImage}/file`, { accept: 'application/json', 'content-type': 'application/octet-stream' }, 'x');
    expect(unseen.statusCode).toBe(404);
  });

  it('refuses update and download with 403, after a 404 for an image the caller cannot see', async () => {
    const patch = { accept: 'application/json', 'content-type': 'application/openstack-images-v2.1-json-patch' };
    await refused(await as(alice, 'PATCH', `/image/v2/images/${aliceImage}`, patch, '[{"op":"replace","path":"/name","value":"x"}]'), 'modify_image');
    await refused(await as(alice, 'GET', `/image/v2/images/${aliceImage}/file`, { accept: 'application/json' }), 'download_image');
    expect((await as(bob, 'PATCH', `/image/v2/images/${aliceImage}`, patch, '[]')).statusCode).toBe(404);
    expect((await as(bob, 'GET', `/image/v2/images/${aliceImage}/file`)).statusCode).toBe(404);
    expect((await as(alice, 'GET', `/image/v2/images/${aliceImage}`, { accept: 'application/json' })).json().name).toBe('alpha-own');
  });
});
