import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImage } from '../../repositories/images.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

// GET /image/v2/images: Glance's paging (limit, marker, first and next links), both sorting
// syntaxes, its filters, and its messages for what it refuses.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
/** bob's 30 images, oldest first: bulk-00 … bulk-29. */
const bulk: string[] = [];

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob] = await Promise.all([login(app, 'alice'), login(app, 'bob')]);
  for (let n = 0; n < 30; n++) {
    const name = `bulk-${String(n).padStart(2, '0')}`;
    bulk.push(
      insertImage(app.db, {
        projectId: bob.projectId,
        name,
        status: n === 29 ? 'saving' : 'active',
        visibility: 'private',
        size: (n % 5) * 1000,
        minRam: n % 2 ? 512 : 0,
        metadata: n % 3 === 0 ? { role: 'batch', disk_format: 'qcow2', container_format: 'bare' } : {},
        createdAt: new Date(Date.parse('2026-06-01T00:00:00Z') + n * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      }).id,
    );
  }
});
afterAll(() => app.close());

type Doc = { id: string; name: string | null; size: number | null; created_at: string; status: string; visibility: string };
type ListDoc = { images: Doc[]; first: string; schema: string; next?: string };
const get = (s: Session, query: string) =>
  app.inject({ method: 'GET', url: `/image/v2/images${query}`, headers: { 'x-auth-token': s.token, accept: 'application/json' } });
const list = async (s: Session, query = ''): Promise<ListDoc> => {
  const res = await get(s, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListDoc;
};
const names = async (s: Session, query = '') => (await list(s, query)).images.map((i) => i.name);
/** Answers 400 with this Glance message. */
const refuses = async (query: string, text: string) => {
  const res = await get(bob, query);
  expect(res.statusCode, query).toBe(400);
  expect(res.json().message).toBe(`${text}<br /><br />\n\n\n`);
};
/** Follows `next` links as openstacksdk does (the link is relative to the endpoint's /v2). */
async function everyPage(s: Session, query: string): Promise<{ pages: ListDoc[]; ids: string[] }> {
  const pages = [await list(s, query)];
  while (pages.at(-1)!.next) pages.push(await list(s, pages.at(-1)!.next!.replace(/^\/v2\/images/, '')));
  return { pages, ids: pages.flatMap((p) => p.images.map((i) => i.id)) };
}

describe('Image API v2 list: paging', () => {
  it('pages by 25 by default, newest first, with first, schema and next links as Glance writes them', async () => {
    const page = await list(bob);
    expect(page.images).toHaveLength(25);
    expect(page.first).toBe('/v2/images');
    expect(page.schema).toBe('/v2/schemas/images');
    expect(page.next).toBe(`/v2/images?marker=${page.images[24].id}`);
    const times = page.images.map((i) => i.created_at);
    expect(times).toEqual([...times].sort().reverse());
    const { pages, ids } = await everyPage(bob, '');
    expect(pages.length).toBe(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(bulk));
  });

  it('keeps the query in first and next (python urlencode), the marker last', async () => {
    const page = await list(bob, '?name=in:bulk-03,bulk-04,bulk-05&limit=2&sort=name:asc');
    expect(page.images.map((i) => i.name)).toEqual(['bulk-03', 'bulk-04']);
    expect(page.first).toBe('/v2/images?name=in%3Abulk-03%2Cbulk-04%2Cbulk-05&limit=2&sort=name%3Aasc');
    expect(page.next).toBe(`${page.first}&marker=${bulk[4]}`);
    const rest = await list(bob, page.next!.replace('/v2/images', ''));
    expect(rest.images.map((i) => i.name)).toEqual(['bulk-05']);
    expect(rest.first).toBe(page.first);
    expect(rest.next).toBeUndefined();
    expect((await list(bob, '?name=CentOS+7.9+64bit&limit=5')).first).toBe('/v2/images?name=CentOS+7.9+64bit&limit=5');
  });

  it('gives a full page a next link even when nothing follows, as Glance does, and an empty page none', async () => {
    const page = await list(bob, '?name=bulk-07&limit=1');
    expect(page.next).toBe(`/v2/images?name=bulk-07&limit=1&marker=${bulk[7]}`);
    const after = await list(bob, page.next!.replace('/v2/images', ''));
    expect(after.images).toEqual([]);
    expect(after.next).toBeUndefined();
    expect((await list(bob, '?limit=0')).images).toEqual([]);
  });

  it('starts after the marker by the sort order, whether or not the marker passes the filters (keyset paging)', async () => {
    const byName = await names(bob, '?sort=name:asc&limit=100');
    const centos = (await list(bob, '?name=CentOS+7.9+64bit')).images[0];
    const after = await names(bob, `?sort=name:asc&visibility=private&marker=${centos.id}`);
    expect(after).toEqual(byName.filter((n) => n! > 'CentOS 7.9 64bit' && n!.startsWith('b')).slice(0, 25));
    expect(after).not.toContain('CentOS 7.9 64bit');
  });

  it('refuses a bad limit or a marker the caller cannot see, with Glance\'s messages', async () => {
    await refuses('?limit=abc', 'limit param must be an integer');
    await refuses('?limit=-1', 'limit param must be positive');
    await refuses('?marker=nope', 'No image found with ID nope');
    const res = await get(alice, `?marker=${bulk[0]}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`No image found with ID ${bulk[0]}<br /><br />\n\n\n`);
    expect((await list(bob, '?limit=5000')).images.length).toBeGreaterThan(25);
  });
});

describe('Image API v2 list: sorting', () => {
  it('sorts with sort_key/sort_dir and with sort=key:dir, then by created_at and id', async () => {
    const asc = await names(bob, '?sort_key=name&sort_dir=asc&limit=1000');
    expect(asc).toEqual([...asc].sort());
    expect(await names(bob, '?sort=name:asc&limit=1000')).toEqual(asc);
    expect(await names(bob, '?sort=name&limit=1000')).toEqual([...asc].reverse());
    const bySize = (await list(bob, '?sort=size:desc,name:asc&name=in:bulk-00,bulk-01,bulk-05,bulk-06')).images;
    expect(bySize.map((i) => i.name)).toEqual(['bulk-01', 'bulk-06', 'bulk-00', 'bulk-05']);
    const twoKeys = await names(bob, '?sort_key=size&sort_key=name&sort_dir=asc&name=in:bulk-00,bulk-01,bulk-05,bulk-06');
    expect(twoKeys).toEqual(['bulk-00', 'bulk-05', 'bulk-01', 'bulk-06']);
  });

  it("refuses unknown keys and directions and mixed syntaxes, with Glance's messages", async () => {
    const keys = 'name, status, container_format, disk_format, size, id, created_at, updated_at';
    await refuses('?sort_key=owner', `Invalid sort key: owner. It must be one of the following: ${keys}.`);
    await refuses('?sort=bogus', `Invalid sort key: bogus. It must be one of the following: ${keys}.`);
    await refuses('?sort_dir=up', 'Invalid sort direction: up');
    await refuses('?sort=name:up', 'Invalid sort direction: up');
    await refuses('?sort=name&sort_key=size', 'Old and new sorting syntax cannot be combined');
    await refuses('?sort_key=name&sort_dir=asc&sort_dir=desc&sort_dir=asc', 'Number of sort dirs does not match the number of sort keys');
  });
});

describe('Image API v2 list: filters', () => {
  it('filters by name (eq and in:), status, owner, visibility and id', async () => {
    expect(await names(bob, '?name=bulk-02')).toEqual(['bulk-02']);
    expect(await names(bob, '?name=in:"bulk-02",bulk-03&sort=name:asc')).toEqual(['bulk-02', 'bulk-03']);
    expect(await names(bob, '?status=saving')).toEqual(['bulk-29']);
    expect(await names(bob, '?status=bogus')).toEqual([]);
    expect((await list(bob, `?owner=${bob.projectId}&limit=100`)).images).toHaveLength(30);
    expect(await names(alice, '?visibility=private')).toEqual(['alpha-nginx-golden']);
    expect((await names(alice, '?visibility=public')).length).toBe(7);
    expect(await names(alice, '?visibility=community')).toEqual([]);
    expect(await names(alice, '?visibility=shared')).toEqual([]);
    expect((await names(alice, '?visibility=all')).sort()).toEqual((await names(alice)).sort());
    expect(await names(bob, `?id=${bulk[9]}`)).toEqual(['bulk-09']);
  });

  it("filters by the image's properties, sizes, formats, times, tags and Glance's booleans", async () => {
    expect((await names(bob, '?role=batch&limit=100')).sort()).toEqual(bulk.filter((_, n) => n % 3 === 0).map((_, k) => `bulk-${String(k * 3).padStart(2, '0')}`));
    expect((await names(bob, '?disk_format=qcow2&container_format=bare&limit=100')).length).toBe(10);
    expect(await names(bob, '?__os_type=Linux&size_max=0')).toEqual([]);
    expect((await names(bob, '?size_min=3000&size_max=3000&limit=100')).length).toBe(6);
    expect((await names(bob, '?min_ram=512&limit=100')).length).toBe(15);
    expect(await names(bob, `?created_at=lt:2026-06-01T00:01:00Z&owner=${bob.projectId}`)).toEqual(['bulk-00']);
    expect(await names(bob, '?created_at=2026-06-01T00:02:00Z')).toEqual(['bulk-02']);
    expect(await names(bob, '?created_at=eq:2026-06-01T02:02:00%2B02:00')).toEqual(['bulk-02']);
    expect(await names(bob, '?tag=web')).toEqual([]);
    expect(await names(bob, '?os_hidden=true')).toEqual([]);
    expect(await names(bob, '?protected=true')).toEqual([]);
    expect((await names(bob, '?protected=false&os_hidden=FALSE&limit=100')).length).toBe(37);
    expect(await names(bob, '?checksum=abc')).toEqual([]);
  });

  it("refuses what Glance refuses, with its messages", async () => {
    await refuses('?visibility=everyone', 'Invalid visibility value: everyone');
    await refuses('?changes-since=2026-01-01T00:00:00Z', 'The "changes-since" filter is no longer available on v2.');
    await refuses('?member_status=maybe', 'Invalid status: maybe');
    await refuses('?os_hidden=yes', "Invalid value 'yes' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
    await refuses('?protected=1', "Invalid value '1' for 'protected' filter. Valid values are 'true' or 'false'.");
    await refuses('?name=like:bulk', "Unable to filter by unknown operator 'like'.");
    await refuses('?name=in:"bulk-01', 'Invalid filter value "bulk-01. The quote is not closed.');
    await refuses('?size_min=big', 'Unable to filter on a range with a non-numeric value.');
    await refuses('?created_at=gt:yesterday', 'Bad "created_at" query filter format. Use ISO 8601 DateTime notation.');
    await refuses('?updated_at=around:2026-06-01T00:00:00Z', 'Unable to filter on a unknown operator.');
  });
});

describe('Image API v2 list: images without a name', () => {
  it('sorts a null name lowest, as SQL does: first ascending, last descending, and pages past it', async () => {
    const unnamed = insertImage(app.db, { projectId: alice.projectId, name: null as unknown as string, status: 'active', visibility: 'private' }).id;
    const asc = (await list(alice, '?sort=name:asc')).images;
    expect(asc[0]).toMatchObject({ id: unnamed, name: null });
    expect((await list(alice, '?sort=name:desc')).images.at(-1)!.id).toBe(unnamed);
    const after = await list(alice, `?sort=name:asc&marker=${unnamed}`);
    expect(after.images.map((i) => i.id)).toEqual(asc.slice(1).map((i) => i.id));
  });
});
