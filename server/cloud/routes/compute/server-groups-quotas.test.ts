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
  for (const [r, n] of [['instances', 100], ['cores', 400], ['ram', 800_000], ['server_group_members', 20]] as const) setQuota(app.db, alice.projectId, r, n);
});
afterAll(() => app.close());

const show = async (id: string, s: Session = alice) => (await s.call('GET', `servers/${id}`)).json().server;
const settled = (id: string, s: Session = alice) => eventually(() => show(id, s), (sv) => sv.status === 'ACTIVE' || sv.status === 'ERROR');
const group = async (s: Session, name: string, policy: string) =>
  (await s.call('POST', 'os-server-groups', { server_group: { name, policies: [policy] } })).json().server_group.id as string;

describe('server groups (8.1-8.4)', () => {
  it('[8.1] creates a group; owner fields from 2.13', async () => {
    const res = await alice.call('POST', 'os-server-groups', { server_group: { name: 'spread', policies: ['anti-affinity'] } });
    expectContract(res, 'server_groups.create_show_server_group');
    expect(res.json().server_group).toMatchObject({ name: 'spread', policies: ['anti-affinity'], members: [], metadata: {} });
    const v213 = await alice.call('POST', 'os-server-groups', { server_group: { name: 'pack', policies: ['affinity'] } }, { version: '2.13' });
    expectContract(v213, 'server_groups.create_show_server_group', '2.13');
    expect(v213.json().server_group.project_id).toBe(alice.projectId);
  });

  it.each([
    [{ server_group: { name: 'x', policies: ['spread-out'] } }],
    [{ server_group: { name: 'x', policies: [] } }],
    [{ server_group: { name: 'x', policies: ['affinity', 'anti-affinity'] } }],
    [{ server_group: { name: '', policies: ['affinity'] } }],
    [{ server_group: { name: 'x' } }],
    [{ server_group: { name: 'x', policies: ['affinity'], extra: true } }],
  ])('[8.1] refuses an invalid body %# with 400', async (body) => {
    expect((await alice.call('POST', 'os-server-groups', body)).statusCode).toBe(400);
  });

  it('[8.1] soft policies exist from 2.15; the server_groups quota holds', async () => {
    expect((await alice.call('POST', 'os-server-groups', { server_group: { name: 's', policies: ['soft-affinity'] } }, { version: '2.14' })).statusCode).toBe(400);
    expect((await alice.call('POST', 'os-server-groups', { server_group: { name: 's', policies: ['soft-affinity'] } }, { version: '2.15' })).statusCode).toBe(200);
    setQuota(app.db, bob.projectId, 'server_groups', 1);
    expect((await bob.call('POST', 'os-server-groups', { server_group: { name: 'one', policies: ['affinity'] } })).statusCode).toBe(200);
    const over = await bob.call('POST', 'os-server-groups', { server_group: { name: 'two', policies: ['affinity'] } });
    expect(over.statusCode).toBe(403);
    expect(over.json().forbidden.message).toBe('Quota exceeded, too many server groups.');
  });

  it('[8.2] lists the project\'s groups; all_projects for admins only', async () => {
    const res = await alice.call('GET', 'os-server-groups');
    expectContract(res, 'server_groups.list_server_groups');
    const mine = res.json().server_groups.map((g: { name: string }) => g.name);
    expect(mine).toContain('spread');
    expect(mine).not.toContain('one');
    const ignored = (await alice.call('GET', 'os-server-groups?all_projects=True')).json().server_groups.map((g: { name: string }) => g.name);
    expect(ignored).not.toContain('one');
    const all = await admin.call('GET', 'os-server-groups?all_projects=True', undefined, { version: '2.13' });
    expectContract(all, 'server_groups.list_server_groups', '2.13');
    expect(all.json().server_groups.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['spread', 'one']));
    expect((await alice.call('GET', 'os-server-groups?limit=1')).json().server_groups).toHaveLength(1);
  });

  it('[8.3] shows a group with its members; 404 for another tenant\'s', async () => {
    const gid = await group(alice, 'members', 'anti-affinity');
    const sid = await boot(alice, cat, { name: 'member' }, { extra: { 'os:scheduler_hints': { group: gid } } });
    const res = await alice.call('GET', `os-server-groups/${gid}`);
    expectContract(res, 'server_groups.create_show_server_group');
    expect(res.json().server_group.members).toEqual([sid]);
    const other = await bob.call('GET', `os-server-groups/${gid}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().itemNotFound.message).toBe(`Instance group ${gid} could not be found.`);
  });

  it('[8.4] deletes a group; 404 afterwards', async () => {
    const gid = await group(alice, 'temp', 'affinity');
    expect((await bob.call('DELETE', `os-server-groups/${gid}`)).statusCode).toBe(404);
    const res = await alice.call('DELETE', `os-server-groups/${gid}`);
    expectContract(res, 'server_groups.delete_server_group');
    expect((await alice.call('GET', `os-server-groups/${gid}`)).statusCode).toBe(404);
    expect((await alice.call('DELETE', `os-server-groups/${gid}`)).statusCode).toBe(404);
  });

  it('[8.1] anti-affinity spreads members over distinct hosts of both zones, then fails with NoValidHost', async () => {
    const gid = await group(alice, 'anti', 'anti-affinity');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await boot(alice, cat, { name: `anti-${i}` }, { extra: { 'OS-SCH-HNT:scheduler_hints': { group: gid } } }));
    const servers = await Promise.all(ids.map((i) => settled(i, admin)));
    const hosts = servers.slice(0, 3).map((s) => s['OS-EXT-SRV-ATTR:host']);
    expect(new Set(hosts).size).toBe(3);
    expect(new Set(servers.slice(0, 3).map((s) => s['OS-EXT-AZ:availability_zone']))).toEqual(new Set(['az-1', 'az-2']));
    expect(servers[3].status).toBe('ERROR');
    expect(servers[3].fault.message).toMatch(/No valid host was found/);
  });

  it('[8.1] affinity keeps members on one host', async () => {
    const gid = await group(alice, 'together', 'affinity');
    const a = await boot(alice, cat, { name: 'aff-1' }, { extra: { 'os:scheduler_hints': { group: gid } } });
    const b = await boot(alice, cat, { name: 'aff-2' }, { extra: { 'os:scheduler_hints': { group: gid } } });
    const [sa, sb] = await Promise.all([settled(a, admin), settled(b, admin)]);
    expect(sa['OS-EXT-SRV-ATTR:host']).toBe(sb['OS-EXT-SRV-ATTR:host']);
    const bad = await alice.call('POST', 'servers', { server: { name: 'x', imageRef: cat.image, flavorRef: cat.flavor }, 'os:scheduler_hints': { group: '00000000-0000-0000-0000-000000000000' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('limits (15.1)', () => {
  it('[15.1] shows absolute limits with live usage', async () => {
    const res = await bob.call('GET', 'limits');
    expectContract(res, 'limits.get_limit');
    const abs = res.json().limits.absolute;
    expect(res.json().limits.rate).toEqual([]);
    expect(abs.maxTotalInstances).toBe(10);
    expect(abs.maxTotalCores).toBe(20);
    const before = abs.totalCoresUsed;
    const b = catalogue(app, bob);
    await boot(bob, b, { name: 'counted' });
    const after = (await bob.call('GET', 'limits')).json().limits.absolute;
    expect(after.totalCoresUsed).toBe(before + 2);
    expect(after.totalRAMUsed).toBe(abs.totalRAMUsed + 4096);
    expect(after.totalInstancesUsed).toBe(abs.totalInstancesUsed + 1);
    expect(after.totalServerGroupsUsed).toBe(1);
  });

  it('[15.1] ?tenant_id= is for admins', async () => {
    expect((await alice.call('GET', `limits?tenant_id=${bob.projectId}`)).statusCode).toBe(403);
    expect((await alice.call('GET', `limits?tenant_id=${alice.projectId}`)).statusCode).toBe(200);
    const res = await admin.call('GET', `limits?tenant_id=${bob.projectId}`);
    expectContract(res, 'limits.get_limit');
    expect(res.json().limits.absolute.totalInstancesUsed).toBe((await bob.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed);
  });
});

describe('quotas (16.1, 16.2)', () => {
  it('[16.1] shows the project\'s quotas, overrides included; ?user_id= too', async () => {
    const res = await alice.call('GET', `os-quota-sets/${alice.projectId}`);
    expectContract(res, 'quotas.get_quota_set');
    expect(res.json().quota_set).toMatchObject({ id: alice.projectId, instances: 100, key_pairs: 100, fixed_ips: -1, metadata_items: 128 });
    const user = await alice.call('GET', `os-quota-sets/${alice.projectId}?user_id=${alice.userId}`);
    expectContract(user, 'quotas.get_quota_set');
    expect(user.json().quota_set.instances).toBe(100);
    expect((await alice.call('GET', `os-quota-sets/${bob.projectId}`)).statusCode).toBe(403);
    const unknown = await admin.call('GET', 'os-quota-sets/no-such-project');
    expect(unknown.json().quota_set.instances).toBe(10);
  });

  it('[16.1] shows each quota with its usage (Nova\'s detail), for the project or one of its users', async () => {
    const adminInAlpha = await login(app, 'admin', 'alpha');
    await boot(adminInAlpha, cat, { name: 'admins-own' });
    expect((await alice.call('POST', 'os-keypairs', { keypair: { name: 'detail-key' } })).statusCode).toBe(200);
    const limits = (await alice.call('GET', 'limits')).json().limits.absolute;
    const res = await alice.call('GET', `os-quota-sets/${alice.projectId}/detail`);
    expectContract(res, 'quotas.get_quota_set_details');
    const detail = res.json().quota_set;
    const shown = (await alice.call('GET', `os-quota-sets/${alice.projectId}`)).json().quota_set;
    expect(Object.keys(detail)).toEqual(Object.keys(shown));
    for (const [resource, limit] of Object.entries(shown)) {
      if (resource !== 'id') expect(detail[resource]).toMatchObject({ limit, reserved: 0 });
    }
    expect(detail).toMatchObject({
      id: alice.projectId,
      instances: { in_use: limits.totalInstancesUsed },
      cores: { in_use: limits.totalCoresUsed },
      ram: { in_use: limits.totalRAMUsed },
      server_groups: { in_use: limits.totalServerGroupsUsed },
      security_groups: { in_use: limits.totalSecurityGroupsUsed },
      // Counted per user or per group: never in Nova's detail.
      key_pairs: { in_use: 0 },
      server_group_members: { in_use: 0 },
      security_group_rules: { in_use: 0 },
      metadata_items: { in_use: 0 },
    });
    expect(detail.instances.in_use).toBeGreaterThan(1);
    // A user's usage: alice's servers, not the admin's.
    const user = (await alice.call('GET', `os-quota-sets/${alice.projectId}/detail?user_id=${alice.userId}`)).json().quota_set;
    expect(user.instances.in_use).toBe(detail.instances.in_use - 1);
    expect(user.instances.limit).toBe(100);
    const forbidden = await alice.call('GET', `os-quota-sets/${bob.projectId}/detail`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().forbidden.message).toBe("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
    expect((await admin.call('GET', `os-quota-sets/${bob.projectId}/detail`)).json().quota_set.instances.in_use).toBe(
      (await bob.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed,
    );
  });

  it('[16.2] shows the defaults', async () => {
    const res = await alice.call('GET', `os-quota-sets/${alice.projectId}/defaults`);
    expectContract(res, 'quotas.get_quota_set');
    expect(res.json().quota_set).toEqual({
      id: alice.projectId,
      instances: 10,
      cores: 20,
      ram: 51200,
      floating_ips: 10,
      fixed_ips: -1,
      metadata_items: 128,
      injected_files: 5,
      injected_file_content_bytes: 10240,
      injected_file_path_bytes: 255,
      key_pairs: 100,
      security_groups: 10,
      security_group_rules: 20,
      server_groups: 10,
      server_group_members: 10,
    });
  });
});
