import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import { getNetwork, intToIp, ipToInt, parseCidr, type Network } from './networks.ts';

export interface Port {
  id: string;
  network_id: string;
  network_label: string;
  server_id: string | null;
  mac_addr: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
  port_state: string;
  created_by_server: boolean;
}

interface PortRow {
  id: string;
  project_id: string;
  network_id: string;
  network_label: string;
  subnet_id: string;
  server_id: string | null;
  mac_addr: string;
  ip_address: string;
  port_state: string;
  created_by_server: number;
}

const SELECT = `SELECT p.*, n.label AS network_label, n.subnet_id FROM ports p JOIN networks n ON n.id = p.network_id`;

const fromRow = (r: PortRow): Port => ({
  id: r.id,
  network_id: r.network_id,
  network_label: r.network_label,
  server_id: r.server_id,
  mac_addr: r.mac_addr,
  fixed_ips: [{ subnet_id: r.subnet_id, ip_address: r.ip_address }],
  port_state: r.port_state,
  created_by_server: r.created_by_server === 1,
});

/** Neutron's base MAC for OpenStack ports, the last three octets random. */
const newMac = () => `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;

/** Addresses of the subnet a port may take: not the network, gateway or broadcast address. */
function hostRange(net: Network): { first: number; last: number; gateway: number } {
  const c = parseCidr(net.cidr)!;
  return { first: c.network + 1, last: c.network + c.size - 2, gateway: ipToInt(net.gateway)! };
}

function chooseAddress(db: Db, net: Network, fixedIp: string | undefined): string {
  const range = hostRange(net);
  const taken = new Set(
    (db.prepare('SELECT ip_address FROM ports WHERE network_id = ?').all(net.id) as { ip_address: string }[]).map(
      (r) => r.ip_address,
    ),
  );
  if (fixedIp !== undefined) {
    const n = ipToInt(fixedIp);
    if (n === undefined || n < range.first || n > range.last || n === range.gateway) {
      // Nova's InvalidInput for Neutron's InvalidIpForNetwork.
      throw badRequest(`Invalid input received: Fixed IP ${fixedIp} is not a valid ip address for network ${net.id}.`);
    }
    if (taken.has(fixedIp)) {
      const holder = db.prepare('SELECT server_id FROM ports WHERE network_id = ? AND ip_address = ?').get(net.id, fixedIp) as
        | { server_id: string | null }
        | undefined;
      throw conflict(`Fixed IP address ${fixedIp} is already in use on instance ${holder?.server_id ?? ''}.`);
    }
    return fixedIp;
  }
  for (let n = range.first; n <= range.last; n++) {
    if (n === range.gateway) continue;
    const ip = intToIp(n);
    if (!taken.has(ip)) return ip;
  }
  throw badRequest(`No fixed IP addresses available for network: ${net.id}`);
}

export interface PortRequest {
  projectId: string;
  networkId: string;
  fixedIp?: string;
  /** The server the port is bound to; null for a free port a user may bring later (port_id). */
  serverId: string | null;
}

/**
 * A port on one of the project's networks: the fixed IP given (validated against the
 * subnet and free) or the next free address, and a fresh MAC. Ports created for a server
 * are deleted when released; a port made without a server is the user's own.
 */
export function allocatePort(db: Db, r: PortRequest): Port {
  return db.transaction(() => {
    const net = getNetwork(db, r.projectId, r.networkId);
    if (!net) throw notFound(`Network ${r.networkId} could not be found.`);
    const ip = chooseAddress(db, net, r.fixedIp);
    const id = uuid();
    const insert = db.prepare(
      `INSERT INTO ports (id, project_id, network_id, server_id, mac_addr, ip_address, port_state, created_by_server, created_at, seq)
       VALUES (@id, @project_id, @network_id, @server_id, @mac, @ip, @state, @created_by_server, @now,
               (SELECT COALESCE(MAX(seq), 0) + 1 FROM ports))`,
    );
    for (let attempt = 0; ; attempt++) {
      try {
        insert.run({
          id,
          project_id: r.projectId,
          network_id: net.id,
          server_id: r.serverId,
          mac: newMac(),
          ip,
          state: r.serverId ? 'ACTIVE' : 'DOWN',
          created_by_server: r.serverId ? 1 : 0,
          now: isoNow(),
        });
        break;
      } catch (e) {
        // 24 random bits can collide; a new MAC settles it.
        if (attempt < 5 && String(e).includes('ports.mac_addr')) continue;
        throw e;
      }
    }
    return getPortById(db, id)!;
  })();
}

function getPortById(db: Db, id: string): Port | undefined {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PortRow | undefined;
  return row && fromRow(row);
}

/** A port of the project (404-worthy otherwise: tenants never see each other's ports). */
export function getPort(db: Db, projectId: string, portId: string): Port | undefined {
  const row = db.prepare(`${SELECT} WHERE p.id = ? AND p.project_id = ?`).get(portId, projectId) as PortRow | undefined;
  return row && fromRow(row);
}

/** Binds a free port to a server; a port already bound is Nova's PortInUse (409). */
export function bindPort(db: Db, portId: string, serverId: string): Port {
  const res = db
    // a port joins the server's interfaces last (Nova lists them in attach order: the first
    // one stays the primary NIC), however long ago the port itself was made
    .prepare(
      `UPDATE ports SET server_id = ?, port_state = 'ACTIVE', seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM ports)
       WHERE id = ? AND server_id IS NULL`,
    )
    .run(serverId, portId);
  if (res.changes === 0) {
    if (!getPortById(db, portId)) throw notFound(`Port id ${portId} could not be found.`);
    throw conflict(`Port ${portId} is still in use.`);
  }
  return getPortById(db, portId)!;
}

/** The ports of many servers in one query, each list in attach order. */
export function portsOfServers(db: Db, serverIds: string[]): Map<string, Port[]> {
  const out = new Map<string, Port[]>();
  if (serverIds.length === 0) return out;
  const rows = db
    .prepare(`${SELECT} WHERE p.server_id IN (SELECT value FROM json_each(?)) ORDER BY p.seq`)
    .all(JSON.stringify(serverIds)) as PortRow[];
  for (const r of rows) {
    const list = out.get(r.server_id!) ?? [];
    list.push(fromRow(r));
    out.set(r.server_id!, list);
  }
  return out;
}

/** Deletes a port Nova created for a server; unbinds a port the user brought (Neutron keeps it). */
export function releasePort(db: Db, portId: string): void {
  db.prepare('DELETE FROM ports WHERE id = ? AND created_by_server = 1').run(portId);
  db.prepare(`UPDATE ports SET server_id = NULL, port_state = 'DOWN' WHERE id = ?`).run(portId);
}

export function releaseServerPorts(db: Db, serverId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM ports WHERE server_id = ? AND created_by_server = 1').run(serverId);
    db.prepare(`UPDATE ports SET server_id = NULL, port_state = 'DOWN' WHERE server_id = ?`).run(serverId);
  })();
}

/** Free ports of the project (not bound to a server), for the console to offer. */
export function freePorts(db: Db, projectId: string): Port[] {
  return (db.prepare(`${SELECT} WHERE p.project_id = ? AND p.server_id IS NULL ORDER BY p.seq`).all(projectId) as PortRow[]).map(
    fromRow,
  );
}
