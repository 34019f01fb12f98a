import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../repositories/ports.ts';
import { setQuota } from '../../repositories/quotas.ts';
import { insertVolume } from '../../repositories/volumes.ts';
import { expectContract } from '../../test/contract.ts';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';
import { createNetwork } from '../../services/networks.ts';
import { allocatePort } from '../../services/ports.ts';

// Everything that hangs off one server: IPs (9), metadata (10), instance actions (11),
// volume attachments (12), interfaces (13), security groups (22.6) and tags (23).

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
let cat: ReturnType<typeof catalogue>;
let id: string;

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
  cat = catalogue(app, alice);
  for (const [r, n] of [['instances', 100], ['cores', 400], ['ram', 800_000]] as const) setQuota(app.db, alice.projectId, r, n);
  id = await boot(alice, cat, { name: 'hub', availability_zone: 'az-1', metadata: { a: '1', b: '2' } });
  await active(id);
});
afterAll(() => app.close());

const show = async (sid: string) => (await alice.call('GET', `servers/${sid}`)).json().server;
const active = (sid: string) => eventually(() => show(sid), (sv) => sv.status === 'ACTIVE' && sv['OS-EXT-STS:task_state'] === null);

describe('IPs (9.1, 9.2)', () => {
  it('[9.1] lists the addresses by network label', async () => {
    const res = await alice.call('GET', `servers/${id}/ips`);
    expectContract(res, 'servers.list_addresses');
    const label = cat.network.label;
    expect(res.json().addresses[label][0]).toEqual({ version: 4, addr: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    expect((await bob.call('GET', `servers/${id}/ips`)).statusCode).toBe(404);
  });

  it('[9.2] shows the addresses on one network; 404 for another', async () => {
    const res = await alice.call('GET', `servers/${id}/ips/${cat.network.label}`);
    expectContract(res, 'servers.list_addresses_by_network');
    expect(Object.keys(res.json())).toEqual([cat.network.label]);
    const none = await alice.call('GET', `servers/${id}/ips/nowhere`);
    expect(none.statusCode).toBe(404);
    expect(none.json().itemNotFound.message).toBe('Instance is not a member of specified network');
  });
});

describe('metadata (10.1-10.6)', () => {
  it('[10.1] lists the metadata', async () => {
    const res = await alice.call('GET', `servers/${id}/metadata`);
    expectContract(res, 'servers.list_server_metadata');
    expect(res.json().metadata).toMatchObject({ a: '1', b: '2' });
    expect((await bob.call('GET', `servers/${id}/metadata`)).statusCode).toBe(404);
  });

  it('[10.2] replaces all the metadata', async () => {
    const res = await alice.call('PUT', `servers/${id}/metadata`, { metadata: { x: '9' } });
    expectContract(res, 'servers.set_server_metadata');
    expect(res.json().metadata).toEqual({ x: '9' });
    expect((await show(id)).metadata).toEqual({ x: '9' });
    expect((await alice.call('PUT', `servers/${id}/metadata`, { meta: {} })).statusCode).toBe(400);
  });

  it('[10.3] merges metadata and answers with the whole set', async () => {
    await alice.call('PUT', `servers/${id}/metadata`, { metadata: { x: '9', y: '8' } });
    const res = await alice.call('POST', `servers/${id}/metadata`, { metadata: { y: 'changed', z: 'new' } });
    expectContract(res, 'servers.update_server_metadata');
    expect(res.json().metadata).toEqual({ x: '9', y: 'changed', z: 'new' });
  });

  it('[10.3] enforces metadata_items and key and value sizes, storing nothing on refusal', async () => {
    setQuota(app.db, alice.projectId, 'metadata_items', 5);
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 'v']));
    const over = await alice.call('POST', `servers/${id}/metadata`, { metadata: many });
    expect(over.statusCode).toBe(403);
    expect(over.json().forbidden.message).toBe('Maximum number of metadata items exceeds 5');
    setQuota(app.db, alice.projectId, 'metadata_items', 128);
    expect((await alice.call('POST', `servers/${id}/metadata`, { metadata: { ['k'.repeat(256)]: 'v' } })).statusCode).toBe(400);
    expect((await alice.call('POST', `servers/${id}/metadata`, { metadata: { k: 'v'.repeat(256) } })).statusCode).toBe(400);
    expect((await alice.call('POST', `servers/${id}/metadata`, { metadata: { '': 'v' } })).statusCode).toBe(400);
    expect(Object.keys((await show(id)).metadata)).not.toContain('k0');
  });

  it('[10.4] shows one item; 404 for a missing key', async () => {
    await alice.call('PUT', `servers/${id}/metadata`, { metadata: { color: 'blue' } });
    const res = await alice.call('GET', `servers/${id}/metadata/color`);
    expectContract(res, 'servers.set_show_server_metadata_item');
    expect(res.json()).toEqual({ meta: { color: 'blue' } });
    const missing = await alice.call('GET', `servers/${id}/metadata/size`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().itemNotFound.message).toBe('Metadata item was not found');
  });

  it('[10.5] sets one item; the body key must match the URI', async () => {
    const res = await alice.call('PUT', `servers/${id}/metadata/color`, { meta: { color: 'green' } });
    expectContract(res, 'servers.set_show_server_metadata_item');
    expect((await show(id)).metadata.color).toBe('green');
    const mismatch = await alice.call('PUT', `servers/${id}/metadata/color`, { meta: { shade: 'x' } });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().badRequest.message).toBe('Request body and URI mismatch');
    const two = await alice.call('PUT', `servers/${id}/metadata/color`, { meta: { color: 'a', b: 'c' } });
    expect(two.json().badRequest.message).toBe('Request body contains too many items');
  });

  it('[10.6] deletes one item; 404 when it is not there', async () => {
    const res = await alice.call('DELETE', `servers/${id}/metadata/color`);
    expectContract(res, 'servers.delete_server_metadata_item');
    expect((await alice.call('DELETE', `servers/${id}/metadata/color`)).statusCode).toBe(404);
  });

  it('[10.2] refuses metadata writes while the server builds', async () => {
    const slow = await makeCloud({ transitionMs: 500 });
    try {
      const s = await login(slow, 'alice');
      const sid = await boot(s, catalogue(slow, s));
      const res = await s.call('PUT', `servers/${sid}/metadata`, { metadata: { a: 'b' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().conflictingRequest.message).toBe(`Cannot 'update metadata' instance ${sid} while it is in vm_state building`);
    } finally {
      await slow.close();
    }
  });
});

describe('instance actions (11.1, 11.2)', () => {
  it('[11.1] lists the server\'s actions, newest first, with request ids', async () => {
    const stop = await alice.call('POST', `servers/${id}/action`, { 'os-stop': null });
    await eventually(() => show(id), (sv) => sv.status === 'SHUTOFF');
    await alice.call('POST', `servers/${id}/action`, { 'os-start': null });
    await active(id);
    const res = await alice.call('GET', `servers/${id}/os-instance-actions`);
    expectContract(res, 'servers.list_instance_actions');
    const actions = res.json().instanceActions;
    expect(actions[0].action).toBe('start');
    expect(actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'stop', 'start']));
    const stopped = actions.find((a: { action: string }) => a.action === 'stop');
    expect(stopped.request_id).toBe(stop.headers['x-openstack-request-id']);
    expect(stopped.user_id).toBe(alice.userId);
    expect((await bob.call('GET', `servers/${id}/os-instance-actions`)).statusCode).toBe(404);
  });

  it('[11.2] shows one action; events only for admins', async () => {
    const actions = (await alice.call('GET', `servers/${id}/os-instance-actions`)).json().instanceActions;
    const create = actions.find((a: { action: string }) => a.action === 'create');
    const mine = await alice.call('GET', `servers/${id}/os-instance-actions/${create.request_id}`);
    expectContract(mine, 'servers.show_instance_action');
    expect(mine.json().instanceAction).not.toHaveProperty('events');
    const asAdmin = await admin.call('GET', `servers/${id}/os-instance-actions/${create.request_id}`);
    expectContract(asAdmin, 'servers.show_instance_action');
    const events = asAdmin.json().instanceAction.events;
    expect(events[0]).toMatchObject({ event: 'compute_build_and_run_instance', result: 'Success' });
    expect(events[0].finish_time).not.toBeNull();
    expect((await alice.call('GET', `servers/${id}/os-instance-actions/req-nope`)).statusCode).toBe(404);
  });
});

describe('volume attachments (12.1-12.4)', () => {
  let volume: string;
  beforeAll(() => {
    volume = insertVolume(app.db, { projectId: alice.projectId, name: 'data', size: 10, availabilityZone: 'az-1', status: 'available' }).id;
  });

  it('[12.1] attaches an available volume in the same zone as /dev/vdb', async () => {
    const res = await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: volume } });
    expectContract(res, 'servers.attach_volume');
    expect(res.json().volumeAttachment).toEqual({ id: volume, serverId: id, volumeId: volume, device: '/dev/vdb' });
    const again = await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: volume } });
    expect(again.statusCode).toBe(400);
    expect((await show(id))['os-extended-volumes:volumes_attached']).toEqual([{ id: volume }]);
  });

  it('[12.1] refuses a missing volume (404), another zone\'s (400), a bad device and unknown fields', async () => {
    const missing = await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: '00000000-0000-0000-0000-000000000000' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().itemNotFound.message).toBe('Volume 00000000-0000-0000-0000-000000000000 could not be found.');
    const far = insertVolume(app.db, { projectId: alice.projectId, name: 'far', size: 10, availabilityZone: 'az-2', status: 'available' }).id;
    const zone = await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: far } });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().badRequest.message).toMatch(/not in the same availability zone/);
    const near = insertVolume(app.db, { projectId: alice.projectId, name: 'near', size: 10, availabilityZone: 'az-1', status: 'available' }).id;
    expect((await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: near, device: 'vdz' } })).statusCode).toBe(400);
    expect((await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: near, extra: 1 } })).statusCode).toBe(400);
    const given = await alice.call('POST', `servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: near, device: '/dev/vdk' } });
    expect(given.json().volumeAttachment.device).toBe('/dev/vdk');
  });

  it('[12.3] lists the attachments', async () => {
    const res = await alice.call('GET', `servers/${id}/os-volume_attachments`);
    expectContract(res, 'servers.list_volume_attachments');
    expect(res.json().volumeAttachments.map((a: { volumeId: string }) => a.volumeId)).toContain(volume);
    expect((await bob.call('GET', `servers/${id}/os-volume_attachments`)).statusCode).toBe(404);
  });

  it('[12.4] shows one attachment; 404 for a volume not attached', async () => {
    const res = await alice.call('GET', `servers/${id}/os-volume_attachments/${volume}`);
    expectContract(res, 'servers.show_volume_attachment');
    expect((await alice.call('GET', `servers/${id}/os-volume_attachments/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(404);
  });

  it('[12.2] detaches a volume: 202, available again; 404 when not attached', async () => {
    const res = await alice.call('DELETE', `servers/${id}/os-volume_attachments/${volume}`);
    expectContract(res, 'servers.detach_volume');
    const status = (app.db.prepare('SELECT status FROM volumes WHERE id = ?').get(volume) as { status: string }).status;
    expect(status).toBe('available');
    expect((await alice.call('DELETE', `servers/${id}/os-volume_attachments/${volume}`)).statusCode).toBe(404);
  });
});

describe('interfaces (13.1-13.4)', () => {
  it('[13.3] lists the interfaces', async () => {
    const res = await alice.call('GET', `servers/${id}/os-interface`);
    expectContract(res, 'interfaces.list_interfaces');
    const [nic] = res.json().interfaceAttachments;
    expect(nic.net_id).toBe(cat.network.id);
    expect(nic.mac_addr).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
  });

  it('[13.4] shows one interface; 404 for a port the server does not have', async () => {
    const [nic] = (await alice.call('GET', `servers/${id}/os-interface`)).json().interfaceAttachments;
    const res = await alice.call('GET', `servers/${id}/os-interface/${nic.port_id}`);
    expectContract(res, 'interfaces.get_create_interfaces');
    expect((await alice.call('GET', `servers/${id}/os-interface/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(404);
    expect((await bob.call('GET', `servers/${id}/os-interface/${nic.port_id}`)).statusCode).toBe(404);
  });

  it('[13.1] attaches by net_id with a fixed IP checked against the CIDR, and by port_id', async () => {
    const second = createNetwork(app.db, { projectId: alice.projectId, label: 'backend', cidr: '172.16.5.0/24' });
    const bad = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { net_id: second.id, fixed_ips: [{ ip_address: '10.0.0.5' }] } });
    expect(bad.statusCode).toBe(400);
    const res = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { net_id: second.id, fixed_ips: [{ ip_address: '172.16.5.20' }] } });
    expectContract(res, 'interfaces.get_create_interfaces');
    expect(res.json().interfaceAttachment.fixed_ips[0].ip_address).toBe('172.16.5.20');
    expect((await alice.call('GET', `servers/${id}/ips`)).json().addresses.backend[0].addr).toBe('172.16.5.20');
    const port = allocatePort(app.db, { projectId: alice.projectId, networkId: second.id, serverId: null });
    const byPort = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { port_id: port.id } });
    expect(byPort.json().interfaceAttachment.port_id).toBe(port.id);
    const both = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { port_id: port.id, net_id: second.id } });
    expect(both.json().badRequest.message).toBe('Must not input both network_id and port_id');
    const inUse = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { port_id: port.id } });
    expect(inUse.statusCode).toBe(409);
    const noNet = await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { net_id: '00000000-0000-0000-0000-000000000000' } });
    expect(noNet.statusCode).toBe(404);
  });

  it('[13.1] lists a port attached by id after the others, however old the port', async () => {
    // the seed's free port is older than every server's own port
    const [seeded] = freePorts(app.db, alice.projectId);
    expect(seeded).toBeDefined();
    const before = (await alice.call('GET', `servers/${id}/os-interface`)).json().interfaceAttachments;
    expect((await alice.call('POST', `servers/${id}/os-interface`, { interfaceAttachment: { port_id: seeded.id } })).statusCode).toBe(200);
    const after = (await alice.call('GET', `servers/${id}/os-interface`)).json().interfaceAttachments;
    expect(after.map((nic: { port_id: string }) => nic.port_id)).toEqual([...before.map((nic: { port_id: string }) => nic.port_id), seeded.id]);
  });

  it('[13.2] detaches interfaces, the primary one last', async () => {
    const nics = (await alice.call('GET', `servers/${id}/os-interface`)).json().interfaceAttachments;
    expect(nics.length).toBeGreaterThan(1);
    const primary = await alice.call('DELETE', `servers/${id}/os-interface/${nics[0].port_id}`);
    expect(primary.statusCode).toBe(409);
    for (const nic of nics.slice(1)) {
      const res = await alice.call('DELETE', `servers/${id}/os-interface/${nic.port_id}`);
      expectContract(res, 'interfaces.delete_interface');
    }
    expect((await alice.call('GET', `servers/${id}/os-interface`)).json().interfaceAttachments).toHaveLength(1);
    expect((await alice.call('DELETE', `servers/${id}/os-interface/${nics[1].port_id}`)).statusCode).toBe(404);
  });
});

describe('server security groups (22.6)', () => {
  it('[22.6] lists the server\'s groups with their rules', async () => {
    const web = await boot(alice, cat, { name: 'web', networks: [{ uuid: cat.network.id }], security_groups: [{ name: 'default' }, { name: 'web' }] });
    const res = await alice.call('GET', `servers/${web}/os-security-groups`);
    expectContract(res, 'security_groups.list_security_groups');
    const groups = res.json().security_groups;
    expect(groups.map((g: { name: string }) => g.name).sort()).toEqual(['default', 'web']);
    const rules = groups.find((g: { name: string }) => g.name === 'web').rules;
    expect(rules.map((r: { from_port: number }) => r.from_port)).toEqual(expect.arrayContaining([22, 80, 443]));
    expect((await bob.call('GET', `servers/${web}/os-security-groups`)).statusCode).toBe(404);
    const missing = await alice.call('POST', 'servers', { server: { name: 'x', imageRef: cat.image, flavorRef: cat.flavor, networks: [{ uuid: cat.network.id }], security_groups: [{ name: 'nope' }] } });
    expect(missing.statusCode).toBe(400);
  });
});

describe('tags (23.1-23.6)', () => {
  const v = { version: '2.26' };
  const tags = (sid: string) => alice.call('GET', `servers/${sid}/tags`, undefined, v);

  it('[23.1] lists tags from 2.26; the route does not exist before', async () => {
    const res = await tags(id);
    expectContract(res, 'v2_26.servers.list_tags', '2.26');
    expect(res.json().tags).toEqual([]);
    expect((await alice.call('GET', `servers/${id}/tags`, undefined, { version: '2.25' })).statusCode).toBe(404);
    expect((await alice.call('GET', `servers/${id}/tags`, undefined, { legacy: true })).statusCode).toBe(404);
    expect((await bob.call('GET', `servers/${id}/tags`, undefined, v)).statusCode).toBe(404);
  });

  it('[23.2] replaces all tags; validates count, length and characters', async () => {
    const res = await alice.call('PUT', `servers/${id}/tags`, { tags: ['b', 'a', 'a'] }, v);
    expectContract(res, 'v2_26.servers.update_all_tags', '2.26');
    expect(res.json().tags).toEqual(['a', 'b']);
    for (const bad of [['x'.repeat(81)], ['a/b'], ['a,b'], ['.hidden'], [''], Array.from({ length: 51 }, (_, i) => `t${i}`)]) {
      const r = await alice.call('PUT', `servers/${id}/tags`, { tags: bad }, v);
      expect(r.statusCode, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
    expect((await alice.call('PUT', `servers/${id}/tags`, { tags: ['x'.repeat(80)] }, v)).statusCode).toBe(200);
    expect((await alice.call('PUT', `servers/${id}/tags`, { labels: [] }, v)).statusCode).toBe(400);
    expect((await tags(id)).json().tags).toEqual(['x'.repeat(80)]);
  });

  it('[23.3] deletes all tags', async () => {
    const res = await alice.call('DELETE', `servers/${id}/tags`, undefined, v);
    expectContract(res, 'v2_26.servers.delete_all_tags', '2.26');
    expect((await tags(id)).json().tags).toEqual([]);
  });

  it('[23.4] adds one tag: 201 when new with Location, 204 when it exists', async () => {
    const res = await alice.call('PUT', `servers/${id}/tags/blue`, undefined, v);
    expectContract(res, 'v2_26.servers.update_tag', '2.26');
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toMatch(new RegExp(`/servers/${id}/tags/blue$`));
    expect((await alice.call('PUT', `servers/${id}/tags/blue`, undefined, v)).statusCode).toBe(204);
    expect((await alice.call('PUT', `servers/${id}/tags/.dot`, undefined, v)).statusCode).toBe(400);
    expect((await alice.call('PUT', `servers/${id}/tags/a%2Cb`, undefined, v)).statusCode).toBe(400);
    await alice.call('PUT', `servers/${id}/tags`, { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) }, v);
    const full = await alice.call('PUT', `servers/${id}/tags/one-more`, undefined, v);
    expect(full.statusCode).toBe(400);
    expect(full.json().badRequest.message).toBe('The number of tags exceeded the per-server limit 50');
    expect((await show(id)).status).toBe('ACTIVE');
  });

  it('[23.5] checks a tag: 204 or 404', async () => {
    const res = await alice.call('GET', `servers/${id}/tags/t1`, undefined, v);
    expectContract(res, 'v2_26.servers.check_tag_existence', '2.26');
    expect((await alice.call('GET', `servers/${id}/tags/absent`, undefined, v)).statusCode).toBe(404);
  });

  it('[23.6] deletes one tag; 404 when absent', async () => {
    const res = await alice.call('DELETE', `servers/${id}/tags/t1`, undefined, v);
    expectContract(res, 'v2_26.servers.delete_tag', '2.26');
    expect((await alice.call('DELETE', `servers/${id}/tags/t1`, undefined, v)).statusCode).toBe(404);
    const detail = (await alice.call('GET', `servers/${id}`, undefined, v)).json().server;
    expect(detail.tags).not.toContain('t1');
    expect(detail.tags).toContain('t2');
  });
});
