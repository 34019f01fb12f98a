import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../context.ts';
import { isoNow } from '../ids.ts';
import { MAX } from '../microversion.ts';
import { setQuota } from '../repositories/quotas.ts';
import { replaceTags } from '../repositories/servers.ts';
import { catalogue } from '../test/fixtures.ts';
import { login, makeCloud, type Session } from '../test/harness.ts';
import { createNetwork } from './networks.ts';
import { createServers } from './server-create.ts';

// The server lists read a page from the list index in Nova's order, chunk by chunk through
// the filters (services/server-list.ts). Whatever the filters, limit and marker, the pages
// must be those of the whole list filtered, sorted and cut, and a page must cost its own
// rows, not the project's.

const COUNT = 400;
let app: FastifyInstance;
let alice: Session;
let admin: Session;
/** Server rows that crossed from SQLite into JS through the list statements. */
let rowsRead = 0;

beforeAll(async () => {
  app = await makeCloud({ transitionMs: 60_000 });
  // Count the rows of every list statement (one JSON text of row arrays per page).
  const prepare = app.db.prepare.bind(app.db);
  app.db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (!sql.includes('json_group_array(json_array(id, seq')) return st;
    const get = st.get.bind(st);
    st.get = ((...args: unknown[]) => {
      const row = get(...args) as unknown;
      rowsRead += (JSON.parse((row as string[])[0]) as unknown[]).length;
      return row;
    }) as typeof st.get;
    return st;
  }) as typeof app.db.prepare;
  [alice, admin] = await Promise.all([login(app, 'alice'), login(app, 'admin', 'alpha')]);
  const cat = catalogue(app, alice);
  for (const [r, n] of [['instances', COUNT + 50], ['cores', 100_000], ['ram', 100_000_000]] as const) setQuota(app.db, alice.projectId, r, n);
  const ctx = { requestId: 'req-seed', projectId: alice.projectId, userId: alice.userId, isAdmin: false, mv: MAX, baseUrl: 'http://x', apiPrefix: '' } as unknown as RequestContext;
  const net = createNetwork(app.db, { projectId: alice.projectId, label: 'wide', cidr: '10.20.0.0/22' });
  const states = ['active', 'stopped', 'error', 'building'];
  app.db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      const id = createServers(app.db, ctx, { server: { name: `vm-${i % 7}-${i}`, imageRef: cat.image, flavorRef: i % 3 ? cat.flavor : cat.bigFlavor, networks: [{ uuid: net.id }] } }, { transitionMs: 60_000 }).servers[0].id;
      if (i % 5 === 0) replaceTags(app.db, id, ['even']);
      if (i % 3 === 0) replaceTags(app.db, id, ['three', ...(i % 5 === 0 ? ['even'] : [])]);
      // Some settled in a state, some soft-deleted; many share a created_at second, as real bursts do.
      const changes = `vm_state = '${states[i % 4]}', task_state = ${i % 4 === 3 ? "'spawning'" : 'NULL'}, due_at = NULL`;
      app.db.prepare(`UPDATE servers SET ${changes}, created_at = ?, deleted = ? WHERE id = ?`).run(isoNow(Date.now() - (i % 9) * 1000), i % 11 === 0 ? 1 : 0, id);
    }
  })();
});
afterAll(() => app.close());

/** Every page of a query, following next links; the pages' ids and the number of pages. */
async function walk(s: Session, query: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let marker = '';
  for (;;) {
    const res = await s.call('GET', `servers?${query}&limit=${limit}${marker ? `&marker=${marker}` : ''}`, undefined, { version: '2.26' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { servers: { id: string }[]; servers_links?: { href: string }[] };
    pages.push(body.servers.map((x) => x.id));
    if (!body.servers_links) return pages;
    marker = new URL(body.servers_links[0].href).searchParams.get('marker')!;
    expect(marker).toBe(body.servers.at(-1)!.id);
  }
}

describe('server lists paged from the list index', () => {
  const queries = [
    '',
    'name=vm-3',
    'status=ACTIVE',
    'status=BUILD',
    'flavor=s3.xlarge.2',
    'ip=.1',
    'tags=three',
    'tags-any=even,three&not-tags=even',
    'not-tags-any=three&name=^vm-1',
    'name=nothing-matches',
  ];

  it('[4.4][4.9] pages every filtered list as the whole list sorted and cut, with next links, at any limit', async () => {
    for (const query of queries) {
      // The same list in the same order, read whole and sorted (created_at, then id, descending).
      const whole = (await alice.call('GET', `servers?${query}&sort_key=created_at&sort_dir=desc&sort_key=id&sort_dir=desc`, undefined, { version: '2.26' })).json()
        .servers as { id: string }[];
      for (const limit of [1, 7, 50, 1000]) {
        const pages = await walk(alice, query, limit);
        expect(pages.flat(), `${query} limit ${limit}`).toEqual(whole.map((x) => x.id));
        // A full page links to the next only while more follow; the last page is never empty unless the list is.
        expect(pages.length).toBe(Math.max(1, Math.ceil(whole.length / limit)));
      }
    }
  });

  it('[4.4] pages deleted and every tenant\'s servers for admins, and refuses a marker outside the list', async () => {
    for (const query of ['all_tenants=1', 'deleted=true', 'changes-since=2000-01-01T00:00:00Z', 'all_tenants=1&status=ERROR']) {
      const whole = (await admin.call('GET', `servers?${query}&sort_key=created_at&sort_key=id`, undefined, { version: '2.26' })).json().servers as { id: string }[];
      expect(whole.length).toBeGreaterThan(0);
      expect((await walk(admin, query, 13)).flat()).toEqual(whole.map((x) => x.id));
    }
    const deleted = (await admin.call('GET', 'servers?deleted=true&limit=1')).json().servers[0].id as string;
    for (const [s, query] of [[alice, ''], [alice, 'name=vm-2'], [admin, 'status=ACTIVE']] as const) {
      const first = (await s.call('GET', `servers?${query}&limit=1`)).json().servers[0].id as string;
      const other = (await s.call('GET', `servers?${query}&limit=1&marker=${first}`)).json().servers[0]?.id as string | undefined;
      expect(other).not.toBe(first);
      const res = await s.call('GET', `servers?${query}&marker=${deleted}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().badRequest.message).toBe(`marker [${deleted}] not found`);
    }
  });

  it('[4.5] reads a page\'s own rows after a create and a delete, not the project\'s', async () => {
    const cat = catalogue(app, alice);
    const page = async () => {
      rowsRead = 0;
      const res = await alice.call('GET', 'servers/detail?limit=20');
      expect(res.json().servers).toHaveLength(20);
      return rowsRead;
    };
    const made = await alice.call('POST', 'servers', { server: { name: 'fresh', imageRef: cat.image, flavorRef: cat.flavor, networks: [{ uuid: cat.network.id }] } });
    expect(made.statusCode).toBe(202);
    expect(await page()).toBeLessThanOrEqual(21);
    expect((await alice.call('DELETE', `servers/${made.json().server.id}`)).statusCode).toBe(204);
    expect(await page()).toBeLessThanOrEqual(21);
    rowsRead = 0;
    const last = (await walk(alice, '', 100)).flat().at(-1)!;
    expect(rowsRead).toBeLessThan(COUNT * 1.1);
    rowsRead = 0;
    expect((await alice.call('GET', `servers?limit=5&marker=${last}`)).json().servers).toEqual([]);
    expect(rowsRead).toBeLessThanOrEqual(7);
  });
});
