import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNetwork, listNetworks } from '../../repositories/networks.ts';
import { createNetwork } from '../../services/networks.ts';
import { freePorts, getPort, portsOfServers, releasePort, releaseServerPorts } from '../../repositories/ports.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';
import { allocatePort, bindPort } from '../../services/ports.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

const NULL_FIELDS = ['cidr', 'netmask', 'gateway', 'broadcast', 'dns1', 'dns2', 'cidr_v6', 'gateway_v6', 'netmask_v6'];

describe('networks (chapter 21)', () => {
  it('[21.1] lists the project\'s network with id and label, other fields null as the spec says', async () => {
    for (const legacy of [false, true]) {
      const res = await alice.call('GET', 'os-networks', undefined, { legacy });
      expect(res.statusCode).toBe(200);
      const nets = res.json().networks;
      expect(nets).toHaveLength(1);
      expect(nets[0].label).toBe('subnet-alpha');
      expect(Object.keys(nets[0]).sort()).toEqual(['id', 'label', ...NULL_FIELDS].sort());
      for (const f of NULL_FIELDS) expect(nets[0][f]).toBeNull();
    }
  });

  it('[21.1] keeps tenants apart: each project sees only its own network', async () => {
    const a = (await alice.call('GET', 'os-networks')).json().networks[0];
    const b = (await bob.call('GET', 'os-networks')).json().networks[0];
    expect(a.id).not.toBe(b.id);
    expect((await bob.call('GET', `os-networks/${a.id}`)).statusCode).toBe(404);
    expect((await alice.call('GET', `os-networks/${a.id}`)).json().network.label).toBe('subnet-alpha');
  });

  it('[21.1] shows Nova\'s admin fields to admins', async () => {
    const net = (await admin.call('GET', 'os-networks')).json().networks[0];
    expect(net).toMatchObject({ project_id: admin.projectId, mtu: 1500, vlan: null, bridge: null });
  });

  it('[21.1] gives each project a distinct CIDR with a gateway (used by ports)', () => {
    const a = listNetworks(app.db, alice.projectId)[0];
    const b = listNetworks(app.db, bob.projectId)[0];
    expect(a).toMatchObject({ cidr: '192.168.10.0/24', gateway: '192.168.10.1' });
    expect(b).toMatchObject({ cidr: '192.168.20.0/24', gateway: '192.168.20.1' });
    expect(getNetwork(app.db, bob.projectId, a.id)).toBeUndefined();
  });
});

describe('ports (the servers area\'s interfaces and addresses rest on them)', () => {
  const server = 'a4c1e0f2-1111-4222-8333-944455556666';

  it('[21.1] allocates the next free address with a fa:16:3e MAC, and a chosen one when free', () => {
    const net = listNetworks(app.db, alice.projectId)[0];
    const p1 = allocatePort(app.db, { projectId: alice.projectId, networkId: net.id, serverId: server });
    expect(p1.mac_addr).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(p1.fixed_ips[0]).toEqual({ subnet_id: net.subnet_id, ip_address: expect.stringMatching(/^192\.168\.10\.\d+$/) });
    expect(p1.fixed_ips[0].ip_address).not.toBe('192.168.10.1');
    const p2 = allocatePort(app.db, { projectId: alice.projectId, networkId: net.id, serverId: server, fixedIp: '192.168.10.77' });
    expect(p2.fixed_ips[0].ip_address).toBe('192.168.10.77');
    expect(portsOfServers(app.db, [server]).get(server)!.map((p) => p.id)).toEqual([p1.id, p2.id]);
  });

  it('[21.1] gives the address after the last one given, wraps round to freed ones, and says when none is left', () => {
    const net = createNetwork(app.db, { projectId: alice.projectId, label: 'small', cidr: '10.7.0.0/29' });
    const give = () => allocatePort(app.db, { projectId: alice.projectId, networkId: net.id, serverId: server });
    const ip = (p: { fixed_ips: { ip_address: string }[] }) => p.fixed_ips[0].ip_address;
    // .0 network, .1 gateway, .7 broadcast: .2 to .6 are given in turn.
    const ports = [give(), give(), give()];
    expect(ports.map(ip)).toEqual(['10.7.0.2', '10.7.0.3', '10.7.0.4']);
    releasePort(app.db, ports[0].id);
    // .2 is free again, but the next address goes on from the last one given.
    expect(ip(give())).toBe('10.7.0.5');
    expect(ip(give())).toBe('10.7.0.6');
    expect(ip(give())).toBe('10.7.0.2');
    expect(give).toThrow(`No fixed IP addresses available for network: ${net.id}`);
  });

  it('[21.1] refuses a fixed IP outside the subnet (400), the gateway (400) or in use (409)', () => {
    const net = listNetworks(app.db, alice.projectId)[0];
    const req = (fixedIp: string) => () => allocatePort(app.db, { projectId: alice.projectId, networkId: net.id, serverId: server, fixedIp });
    expect(req('10.9.9.9')).toThrow(/is not a valid ip address for network/);
    expect(req('192.168.10.1')).toThrow(/is not a valid ip address/);
    expect(req('192.168.10.255')).toThrow(/is not a valid ip address/);
    expect(req('192.168.10.77')).toThrow(/already in use on instance/);
    try {
      req('192.168.10.77')();
    } catch (e) {
      expect((e as { status: number }).status).toBe(409);
    }
    expect(() => allocatePort(app.db, { projectId: bob.projectId, networkId: net.id, serverId: server })).toThrow(/could not be found/);
  });

  it('[21.1] binds the user\'s free port once, unbinds it on release, deletes ports Nova made', () => {
    const free = freePorts(app.db, alice.projectId)[0];
    expect(free.server_id).toBeNull();
    expect(getPort(app.db, bob.projectId, free.id)).toBeUndefined();
    const bound = bindPort(app.db, free.id, server);
    expect(bound).toMatchObject({ server_id: server, port_state: 'ACTIVE', created_by_server: false });
    expect(() => bindPort(app.db, free.id, 'other')).toThrow(/still in use/);
    releaseServerPorts(app.db, server);
    expect(portsOfServers(app.db, [server]).get(server)).toBeUndefined();
    expect(getPort(app.db, alice.projectId, free.id)).toMatchObject({ server_id: null, port_state: 'DOWN' });
    const net = listNetworks(app.db, alice.projectId)[0];
    const made = allocatePort(app.db, { projectId: alice.projectId, networkId: net.id, serverId: server });
    releasePort(app.db, made.id);
    expect(getPort(app.db, alice.projectId, made.id)).toBeUndefined();
  });
});
