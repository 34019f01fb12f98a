import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQuota } from '../../repositories/quotas.ts';
import { expectContract } from '../../test/contract.ts';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
let cat: ReturnType<typeof catalogue>;

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
  cat = catalogue(app, alice);
  // Room for the many servers these tests boot; the quota tests use clouds of their own.
  for (const [r, n] of [['instances', 100], ['cores', 400], ['ram', 800_000]] as const) setQuota(app.db, alice.projectId, r, n);
});
afterAll(() => app.close());

const active = (s: Session, id: string) =>
  eventually(() => s.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');

describe('create (4.2)', () => {
  it('[4.2] creates a server: 202, adminPass, Location, BUILD rising to ACTIVE', async () => {
    const res = await alice.call('POST', 'servers', {
      server: { name: 'web-new', imageRef: cat.image, flavorRef: cat.flavor, metadata: { role: 'web' }, security_groups: [{ name: 'default' }] },
    });
    expectContract(res, 'servers.create_server_with_admin_pass');
    const { server } = res.json();
    expect(server.adminPass).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(res.headers.location).toBe(server.links[0].href);
    expect(server.security_groups).toEqual([{ name: 'default' }]);
    const first = (await alice.call('GET', `servers/${server.id}`)).json().server;
    expect(first.status === 'BUILD' || first.status === 'ACTIVE').toBe(true);
    const done = (await active(alice, server.id)).json().server;
    expect(done['OS-EXT-STS:vm_state']).toBe('active');
    expect(done['OS-EXT-STS:power_state']).toBe(1);
    expect(done['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(done.metadata).toEqual({ role: 'web' });
    expect(Object.keys(done.addresses)).toHaveLength(1);
  });

  it('[4.2] reports progress rising through BUILD', async () => {
    const slow = await makeCloud({ transitionMs: 400 });
    try {
      const s = await login(slow, 'alice');
      const id = await boot(s, catalogue(slow, s));
      const seen: number[] = [];
      const tasks = new Set<string>();
      await eventually(
        () => s.call('GET', `servers/${id}`),
        (r) => {
          const sv = r.json().server;
          if (sv.status === 'BUILD') {
            seen.push(sv.progress);
            tasks.add(sv['OS-EXT-STS:task_state']);
          }
          return sv.status === 'ACTIVE';
        },
      );
      expect(seen.length).toBeGreaterThan(2);
      expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]);
      expect([...tasks]).toContain('scheduling');
      expect(tasks.size).toBeGreaterThan(1);
    } finally {
      await slow.close();
    }
  });

  it('[4.2] answers on the /os-volumes_boot alias and boots from a volume made from an image', async () => {
    const res = await alice.call('POST', 'os-volumes_boot', {
      server: {
        name: 'bfv',
        flavorRef: cat.flavor,
        availability_zone: 'az-1',
        block_device_mapping_v2: [{ source_type: 'image', destination_type: 'volume', uuid: cat.image, volume_size: 40, boot_index: '0', delete_on_termination: true }],
      },
    });
    expectContract(res, 'servers.create_server_with_admin_pass');
    const id = res.json().server.id;
    const sv = (await active(alice, id)).json().server;
    expect(sv.image).toBe('');
    expect(sv['os-extended-volumes:volumes_attached']).toHaveLength(1);
    const v23 = (await alice.call('GET', `servers/${id}`, undefined, { version: '2.3' })).json().server;
    expect(v23['os-extended-volumes:volumes_attached'][0].delete_on_termination).toBe(true);
  });

  it('[4.2] returns a reservation id and makes min..max servers', async () => {
    const res = await alice.call('POST', 'servers', {
      server: { name: 'batch', imageRef: cat.image, flavorRef: 's3.medium.2', min_count: 2, max_count: 2, return_reservation_id: true },
    });
    expect(res.statusCode).toBe(202);
    const rid = res.json().reservation_id;
    expect(rid).toMatch(/^r-[a-z0-9]{8}$/);
    const list = (await alice.call('GET', 'servers/detail?name=^batch-')).json().servers;
    expect(list.map((s: { name: string }) => s.name).sort()).toEqual(['batch-1', 'batch-2']);
    // the reservation's servers, as Nova lists them to a member (launch order: name-1, name-2)
    const reserved = (await alice.call('GET', `servers/detail?reservation_id=${rid}`)).json().servers;
    expect(reserved.map((s: { name: string }) => s.name).sort()).toEqual(['batch-1', 'batch-2']);
    expect((await alice.call('GET', `servers?reservation_id=${rid}`)).json().servers).toHaveLength(2);
    expect((await alice.call('GET', 'servers/detail?reservation_id=r-00000000')).json().servers).toEqual([]);
  });

  it.each([
    ['no body key', {}, /'server' is a required property/],
    ['unknown property', { server: { name: 'x', flavorRef: 's3.large.2', imageRef: 'x', bogus: 1 } }, /Additional properties are not allowed \('bogus' was unexpected\)/],
    ['missing name', { server: { flavorRef: 's3.large.2' } }, /'name' is a required property/],
    ['empty name', { server: { name: '', flavorRef: 's3.large.2' } }, /is too short/],
    ['name of spaces', { server: { name: '  ', flavorRef: 's3.large.2' } }, /Can not start or end with whitespace/],
    ['name too long', { server: { name: 'x'.repeat(256), flavorRef: 's3.large.2' } }, /is too long/],
    ['metadata key with a slash', { server: { name: 'x', flavorRef: 's3.large.2', metadata: { 'a/b': 'c' } } }, /'a\/b' was unexpected/],
    ['metadata value not a string', { server: { name: 'x', flavorRef: 's3.large.2', metadata: { a: 1 } } }, /1 is not of type 'string'/],
    ['user_data not base64', { server: { name: 'x', flavorRef: 's3.large.2', user_data: '!!' } }, /is not a 'base64'/],
    ['min above max', { server: { name: 'x', flavorRef: 's3.large.2', min_count: 3, max_count: 2 } }, /min_count must be <= max_count/],
  ])('[4.2] refuses %s with 400 and stores nothing', async (_c, body, message) => {
    const before = (await alice.call('GET', 'servers')).json().servers.length;
    const res = await alice.call('POST', 'servers', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toMatch(message);
    expect((await alice.call('GET', 'servers')).json().servers.length).toBe(before);
  });

  it('[4.2] refuses a missing image (404 as the spec lists), flavor, key pair, network and zone', async () => {
    const base = { name: 'x', imageRef: cat.image, flavorRef: cat.flavor };
    const img = await alice.call('POST', 'servers', { server: { ...base, imageRef: '00000000-0000-0000-0000-000000000000' } });
    expect(img.statusCode).toBe(404);
    expect(img.json().itemNotFound.message).toBe('Image 00000000-0000-0000-0000-000000000000 could not be found.');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ flavorRef: 'nope' }, /Invalid flavorRef provided/],
      [{ flavorRef: 's2.medium.4' }, /Invalid flavorRef provided/],
      [{ key_name: 'nope' }, /Invalid key_name provided/],
      [{ networks: [{ uuid: '00000000-0000-0000-0000-000000000001' }] }, /Network 00000000-0000-0000-0000-000000000001 could not be found/],
      [{ networks: [{ uuid: cat.network.id }, { uuid: cat.network.id }] }, /is duplicated/],
      [{ networks: [{ uuid: cat.network.id, fixed_ip: '10.9.9.9' }] }, /not a valid ip address for network/],
      [{ availability_zone: 'az-9' }, /The requested availability zone is not available/],
      [{ flavorRef: 's3.small.1' }, /Flavor's disk is smaller than the minimum size/],
    ];
    for (const [change, message] of cases) {
      const res = await alice.call('POST', 'servers', { server: { ...base, ...change } });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().badRequest.message).toMatch(message);
    }
  });

  it('[4.2] takes a fixed IP on the network and a user port', async () => {
    const ip = `${cat.network.cidr.split('.').slice(0, 3).join('.')}.77`;
    const id = await boot(alice, cat, { networks: [{ uuid: cat.network.id, fixed_ip: ip }] });
    const sv = (await alice.call('GET', `servers/${id}`)).json().server;
    expect(sv.addresses[cat.network.label][0].addr).toBe(ip);
    const taken = await alice.call('POST', 'servers', { server: { name: 'dup-ip', imageRef: cat.image, flavorRef: cat.flavor, networks: [{ uuid: cat.network.id, fixed_ip: ip }] } });
    expect(taken.statusCode).toBe(409);
  });

  it('[4.2] a member may not force a host; an admin may', async () => {
    const host = await alice.call('POST', 'servers', { server: { name: 'x', imageRef: cat.image, flavorRef: cat.flavor, availability_zone: 'az-2:cna-az2-001' } });
    expect(host.statusCode).toBe(403);
    const a = catalogue(app, admin);
    const res = await admin.call('POST', 'servers', { server: { name: 'forced', imageRef: a.image, flavorRef: a.flavor, availability_zone: 'az-2:cna-az2-001' } });
    expect(res.statusCode).toBe(202);
    const sv = (await admin.call('GET', `servers/${res.json().server.id}`)).json().server;
    expect(sv['OS-EXT-SRV-ATTR:host']).toBe('cna-az2-001');
    expect(sv['OS-EXT-AZ:availability_zone']).toBe('az-2');
  });

  it('[4.2] enforces the quota with Nova\'s message', async () => {
    const cloud = await makeCloud();
    try {
      const s = await login(cloud, 'bob');
      setQuota(cloud.db, s.projectId, 'cores', 4);
      const c = catalogue(cloud, s);
      // bob's seed servers use 2 + 1 cores; a 2-core server passes 4.
      const res = await s.call('POST', 'servers', { server: { name: 'big', imageRef: c.image, flavorRef: 's3.large.2' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().forbidden.message).toBe('Quota exceeded for cores: Requested 2, but already used 3 of 4 cores');
    } finally {
      await cloud.close();
    }
  });
});

describe('show (4.3, 4.8)', () => {
  let id: string;
  beforeAll(async () => {
    id = await boot(alice, cat, { name: 'shown' });
    await active(alice, id);
  });

  it('[4.3] shows a server on /v2 with the base fields only', async () => {
    const res = await alice.call('GET', `servers/${id}`, undefined, { legacy: true, version: '2.26' });
    expectContract(res, 'servers.get_server');
    const sv = res.json().server;
    expect(sv.links[0].href).toContain(`/v2/${alice.projectId}/servers/${id}`);
    expect(sv).not.toHaveProperty('locked');
    expect(sv).not.toHaveProperty('OS-EXT-SRV-ATTR:host');
  });

  it.each(['2.1', '2.3', '2.9', '2.16', '2.19', '2.26'])('[4.8] validates against the schema of microversion %s', async (v) => {
    for (const s of [alice, admin]) {
      const res = await s.call('GET', `servers/${id}`, undefined, { version: v });
      expectContract(res, 'servers.get_server', v);
      expect(res.headers['openstack-api-version']).toBe(`compute ${v}`);
    }
  });

  it('[4.8] adds fields exactly from their microversion, admin-only ones for admins', async () => {
    const at = async (s: Session, v: string) => (await s.call('GET', `servers/${id}`, undefined, { version: v })).json().server;
    expect(await at(alice, '2.8')).not.toHaveProperty('locked');
    expect((await at(alice, '2.9')).locked).toBe(false);
    expect(await at(alice, '2.18')).not.toHaveProperty('description');
    expect((await at(alice, '2.19')).description).toBeNull();
    expect(await at(alice, '2.25')).not.toHaveProperty('tags');
    expect((await at(alice, '2.26')).tags).toEqual([]);
    expect(await at(alice, '2.26')).not.toHaveProperty('OS-EXT-SRV-ATTR:hostname');
    expect(await at(alice, '2.26')).not.toHaveProperty('host_status');
    const a = await at(admin, '2.26');
    expect(a['OS-EXT-SRV-ATTR:hostname']).toBe('shown');
    expect(a['OS-EXT-SRV-ATTR:root_device_name']).toBe('/dev/vda');
    expect(a.host_status).toBe('UP');
    expect(await at(admin, '2.15')).not.toHaveProperty('host_status');
    expect(await at(admin, '2.2')).not.toHaveProperty('OS-EXT-SRV-ATTR:hostname');
  });

  it('[4.8] refuses an unsupported microversion with 406', async () => {
    const res = await alice.call('GET', `servers/${id}`, undefined, { version: '2.27' });
    expect(res.statusCode).toBe(406);
  });

  it('[4.3] answers 404 for a missing server and for another tenant\'s', async () => {
    const missing = await alice.call('GET', 'servers/00000000-0000-0000-0000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().itemNotFound.message).toBe('Instance 00000000-0000-0000-0000-000000000000 could not be found.');
    const other = await bob.call('GET', `servers/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().itemNotFound.message).toBe(`Instance ${id} could not be found.`);
  });
});

describe('list (4.4, 4.5, 4.9, 4.10)', () => {
  it('[4.4] lists id, name and links of the project\'s servers only', async () => {
    const res = await alice.call('GET', 'servers', undefined, { legacy: true });
    expectContract(res, 'servers.list_servers');
    const names = res.json().servers.map((s: { name: string }) => s.name);
    expect(names).toContain('web-01');
    expect(names).not.toContain('app-01');
  });

  it('[4.4] filters by name (regex), status, flavor, image, ip and availability_zone', async () => {
    const q = async (query: string) => (await alice.call('GET', `servers?${query}`)).json().servers.map((s: { name: string }) => s.name).sort();
    expect(await q('name=^web-0')).toEqual(['web-01', 'web-02']);
    expect(await q('name=WEB-0[2]')).toEqual(['web-02']);
    expect(await q('status=SHUTOFF')).toEqual(['db-01']);
    expect(await q('status=NOPE')).toEqual([]);
    expect(await q('flavor=m6.large.8')).toEqual(['db-01']);
    const dbImage = (await alice.call('GET', 'servers/detail?name=db-01')).json().servers[0].image.id;
    expect(await q(`image=${dbImage}`)).toContain('db-01');
    const web2 = (await alice.call('GET', 'servers/detail?name=web-02')).json().servers[0];
    const addr: string = (Object.values(web2.addresses)[0] as { addr: string }[])[0].addr;
    expect(await q(`ip=${addr.replace(/\./g, '\\.')}$`)).toEqual(['web-02']);
    expect(await q('availability_zone=az-2&name=web')).toEqual(['web-02']);
  });

  it('[4.4] refuses deleted listings and all_tenants to members, limits over 1000 and bad markers', async () => {
    expect((await alice.call('GET', 'servers?status=DELETED')).statusCode).toBe(403);
    expect((await alice.call('GET', 'servers?status=deleted')).json().forbidden.message).toBe('Only administrators may list deleted instances');
    expect((await alice.call('GET', 'servers?all_tenants=1')).statusCode).toBe(403);
    expect((await alice.call('GET', 'servers?all_tenants=0')).statusCode).toBe(200);
    expect((await alice.call('GET', 'servers?limit=1001')).statusCode).toBe(403);
    expect((await alice.call('GET', 'servers?marker=nope')).statusCode).toBe(400);
    expect((await alice.call('GET', 'servers?changes-since=yesterday')).statusCode).toBe(400);
  });

  it('[4.5] lists details with limit/marker and a next link', async () => {
    const first = await alice.call('GET', 'servers/detail?limit=2', undefined, { legacy: true });
    expectContract(first, 'servers.list_servers_detail');
    const body = first.json();
    expect(body.servers).toHaveLength(2);
    const next = new URL(body.servers_links[0].href);
    expect(next.pathname).toBe(`/v2/${alice.projectId}/servers/detail`);
    expect(next.searchParams.get('marker')).toBe(body.servers[1].id);
    const second = (await alice.call('GET', `servers/detail?limit=2&marker=${body.servers[1].id}`, undefined, { legacy: true })).json();
    expect(second.servers[0].id).not.toBe(body.servers[1].id);
  });

  it('[4.5] never answers a list from before the latest write', async () => {
    const id = await boot(alice, cat, { name: 'cached' });
    await active(alice, id);
    const detail = () => alice.call('GET', 'servers/detail?name=^cached$');
    const a = await detail();
    expect((await detail()).body).toBe(a.body);
    await alice.call('PUT', `servers/${id}/metadata/k`, { meta: { k: 'v' } });
    expect((await detail()).json().servers[0].metadata).toEqual({ k: 'v' });
    await alice.call('PUT', `servers/${id}`, { server: { name: 'cached-renamed' } });
    expect((await detail()).json().servers).toEqual([]);
  });

  it('[4.5] admins list every tenant and deleted servers; changes-since shows DELETED', async () => {
    const all = (await admin.call('GET', 'servers/detail?all_tenants=1')).json().servers.map((s: { name: string }) => s.name);
    expect(all).toEqual(expect.arrayContaining(['web-01', 'app-01', 'ops-bastion']));
    const since = new Date(Date.now() - 1000).toISOString();
    const id = await boot(alice, cat, { name: 'short-lived' });
    await active(alice, id);
    expect((await alice.call('DELETE', `servers/${id}`)).statusCode).toBe(204);
    await eventually(() => alice.call('GET', `servers/${id}`), (r) => r.statusCode === 404);
    const changed = (await alice.call('GET', `servers/detail?changes-since=${since}`)).json().servers;
    const gone = changed.find((s: { id: string }) => s.id === id);
    expect(gone.status).toBe('DELETED');
    expect(gone['OS-SRV-USG:terminated_at']).not.toBeNull();
    const deleted = (await admin.call('GET', `servers/detail?all_tenants=1&deleted=true`)).json().servers;
    expect(deleted.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('[4.9] filters by tags, tags-any, not-tags and not-tags-any from 2.26', async () => {
    const q = async (query: string, v = '2.26') =>
      (await alice.call('GET', `servers?${query}`, undefined, { version: v })).json().servers.map((s: { name: string }) => s.name).sort();
    expect(await q('tags=web,prod')).toEqual(['web-01', 'web-02']);
    expect(await q('tags-any=db,nothing')).toEqual(['db-01']);
    expect(await q('not-tags=web,prod&name=-0')).toEqual(['db-01']);
    expect(await q('not-tags-any=web&name=-0')).toEqual(['db-01']);
    expect((await q('tags=db', '2.25')).length).toBeGreaterThan(1);
  });

  it('[4.9] sorts by several keys and directions', async () => {
    const names = async (query: string) => (await alice.call('GET', `servers/detail?name=-0&${query}`)).json().servers.map((s: { name: string }) => s.name);
    expect(await names('sort_key=display_name&sort_dir=asc')).toEqual(['db-01', 'web-01', 'web-02']);
    expect(await names('sort_key=display_name&sort_dir=desc')).toEqual(['web-02', 'web-01', 'db-01']);
    expect(await names('sort_key=vm_state&sort_dir=desc&sort_key=display_name&sort_dir=asc')).toEqual(['db-01', 'web-01', 'web-02']);
    expect((await alice.call('GET', 'servers?sort_key=bogus')).statusCode).toBe(400);
    expect((await alice.call('GET', 'servers?sort_key=display_name&sort_dir=up')).statusCode).toBe(400);
  });

  it.each(['2.1', '2.3', '2.9', '2.16', '2.19', '2.26'])('[4.10] list detail validates at microversion %s', async (v) => {
    for (const s of [alice, admin]) {
      const res = await s.call('GET', 'servers/detail', undefined, { version: v });
      expectContract(res, 'servers.list_servers_detail', v);
    }
  });
});

describe('update and delete (4.6, 4.7)', () => {
  it('[4.6] renames a server and sets description from 2.19', async () => {
    const id = await boot(alice, cat, { name: 'before' });
    const res = await alice.call('PUT', `servers/${id}`, { server: { name: 'after' } }, { legacy: true });
    expectContract(res, 'servers.update_server');
    expect(res.json().server.name).toBe('after');
    const v219 = await alice.call('PUT', `servers/${id}`, { server: { description: 'a web server' } }, { version: '2.26' });
    expectContract(v219, 'servers.update_server', '2.26');
    expect(v219.json().server.description).toBe('a web server');
    const old = await alice.call('PUT', `servers/${id}`, { server: { description: 'x' } }, { version: '2.18' });
    expect(old.statusCode).toBe(400);
    expect((await alice.call('PUT', `servers/${id}`, { server: { name: ' padded ' } })).statusCode).toBe(400);
    expect((await bob.call('PUT', `servers/${id}`, { server: { name: 'mine' } })).statusCode).toBe(404);
  });

  it('[4.7] deletes a server: 204, gone, ports released, quota freed', async () => {
    const id = await boot(alice, cat, { name: 'doomed' });
    await active(alice, id);
    const before = (await alice.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed;
    expect((await bob.call('DELETE', `servers/${id}`)).statusCode).toBe(404);
    const res = await alice.call('DELETE', `servers/${id}`);
    expectContract(res, 'servers.delete_server');
    await eventually(() => alice.call('GET', `servers/${id}`), (r) => r.statusCode === 404);
    expect((await alice.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed).toBe(before - 1);
    const ports = app.db.prepare('SELECT COUNT(*) AS n FROM ports WHERE server_id = ?').get(id) as { n: number };
    expect(ports.n).toBe(0);
    expect((await alice.call('DELETE', `servers/${id}`)).statusCode).toBe(404);
  });
});
