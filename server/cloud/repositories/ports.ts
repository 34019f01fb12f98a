import type { Db } from '../db/database.ts';
import { stmt } from '../db/statements.ts';

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

export interface NewPort {
  id: string;
  projectId: string;
  networkId: string;
  serverId: string | null;
  mac: string;
  ip: string;
  createdAt: string;
}

/** A port made for a server is Nova's (deleted with it); one made without is the user's own. */
export function insertPort(db: Db, p: NewPort): void {
  db.prepare(
    `INSERT INTO ports (id, project_id, network_id, server_id, mac_addr, ip_address, port_state, created_by_server, created_at, seq)
     VALUES (@id, @projectId, @networkId, @serverId, @mac, @ip, @state, @createdByServer, @createdAt,
             (SELECT COALESCE(MAX(seq), 0) + 1 FROM ports))`,
  ).run({ ...p, state: p.serverId ? 'ACTIVE' : 'DOWN', createdByServer: p.serverId ? 1 : 0 });
}

export function getPortById(db: Db, id: string): Port | undefined {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PortRow | undefined;
  return row && fromRow(row);
}

/** A port of the project (tenants never see each other's ports). */
export function getPort(db: Db, projectId: string, portId: string): Port | undefined {
  const row = db.prepare(`${SELECT} WHERE p.id = ? AND p.project_id = ?`).get(portId, projectId) as PortRow | undefined;
  return row && fromRow(row);
}

/** The port holding an address of a network, if any (by its unique index), and its server. */
export function portOnAddress(db: Db, networkId: string, ip: string): { server_id: string | null } | undefined {
  return stmt(db, 'SELECT server_id FROM ports WHERE network_id = ? AND ip_address = ?').get(networkId, ip) as { server_id: string | null } | undefined;
}

/** The address of the port made (or bound) last on a network, if any. */
export function lastAddressOnNetwork(db: Db, networkId: string): string | undefined {
  const row = stmt(db, 'SELECT ip_address FROM ports WHERE network_id = ? ORDER BY seq DESC LIMIT 1').get(networkId) as { ip_address: string } | undefined;
  return row?.ip_address;
}

/**
 * Binds a free port to a server; false when it is bound already (or missing). The port
 * joins the server's interfaces last (Nova lists them in attach order: the first one stays
 * the primary NIC), however long ago the port itself was made.
 */
export function bindFreePort(db: Db, portId: string, serverId: string): boolean {
  return (
    db
      .prepare(
        `UPDATE ports SET server_id = ?, port_state = 'ACTIVE', seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM ports)
         WHERE id = ? AND server_id IS NULL`,
      )
      .run(serverId, portId).changes > 0
  );
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
