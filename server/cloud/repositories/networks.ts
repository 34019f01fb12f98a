import type { Db } from '../db/database.ts';
import { badRequest } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';

export interface Network {
  id: string;
  project_id: string;
  label: string;
  subnet_id: string;
  cidr: string;
  gateway: string;
  dns1: string | null;
  dns2: string | null;
  mtu: number;
  created_at: string;
  updated_at: string;
}

/** The project's networks in creation order. */
export function listNetworks(db: Db, projectId: string): Network[] {
  return db.prepare('SELECT * FROM networks WHERE project_id = ? ORDER BY created_at, rowid').all(projectId) as Network[];
}

export function getNetwork(db: Db, projectId: string, id: string): Network | undefined {
  return db.prepare('SELECT * FROM networks WHERE project_id = ? AND id = ?').get(projectId, id) as Network | undefined;
}

/** IPv4 arithmetic on 32-bit unsigned numbers. */
export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export interface Cidr {
  network: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

/** Parses `a.b.c.d/n`; undefined when it is not a valid IPv4 CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const addr = ipToInt(m[1]);
  const prefix = Number(m[2]);
  if (addr === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { network: addr - (addr % size), prefix, size };
}

export const netmaskOf = (c: Cidr): string => intToIp(2 ** 32 - c.size);
export const broadcastOf = (c: Cidr): string => intToIp(c.network + c.size - 1);

export interface NewNetwork {
  projectId: string;
  label: string;
  cidr: string;
  dns1?: string | null;
  dns2?: string | null;
  mtu?: number;
}

/** A tenant network with one IPv4 subnet; its gateway is the first host address, as Neutron picks it. */
export function createNetwork(db: Db, n: NewNetwork): Network {
  const c = parseCidr(n.cidr);
  if (!c || c.prefix > 29) throw badRequest(`Invalid CIDR ${n.cidr}`);
  const id = uuid();
  const now = isoNow();
  db.prepare(
    `INSERT INTO networks (id, project_id, label, subnet_id, cidr, gateway, dns1, dns2, mtu, created_at, updated_at)
     VALUES (@id, @project_id, @label, @subnet_id, @cidr, @gateway, @dns1, @dns2, @mtu, @now, @now)`,
  ).run({
    id,
    project_id: n.projectId,
    label: n.label,
    subnet_id: uuid(),
    cidr: `${intToIp(c.network)}/${c.prefix}`,
    gateway: intToIp(c.network + 1),
    dns1: n.dns1 ?? null,
    dns2: n.dns2 ?? null,
    mtu: n.mtu ?? 1500,
    now,
  });
  return getNetwork(db, n.projectId, id)!;
}
