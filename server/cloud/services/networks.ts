import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import { intToIp, parseCidr } from '../ipv4.ts';
import { getNetwork, insertNetwork, listNetworks, type Network } from '../repositories/networks.ts';

// Chapter 21: the project's networks (Neutron's, through Nova's os-networks proxy).

export const networksOf = (db: Db, ctx: RequestContext): Network[] => listNetworks(db, ctx.projectId);

export function showNetwork(db: Db, ctx: RequestContext, id: string): Network {
  const n = getNetwork(db, ctx.projectId, id);
  if (!n) throw notFound('Network not found');
  return n;
}

export interface NewNetwork {
  projectId: string;
  label: string;
  cidr: string;
  dns1?: string | null;
  dns2?: string | null;
  mtu?: number;
}

/**
 * A tenant network with one IPv4 subnet (no API of the spec creates one: seeds and tests
 * do); its gateway is the first host address, as Neutron picks it.
 */
export function createNetwork(db: Db, n: NewNetwork): Network {
  const c = parseCidr(n.cidr);
  if (!c || c.prefix > 29) throw badRequest(`Invalid CIDR ${n.cidr}`);
  const now = isoNow();
  const row: Network = {
    id: uuid(),
    project_id: n.projectId,
    label: n.label,
    subnet_id: uuid(),
    cidr: `${intToIp(c.network)}/${c.prefix}`,
    gateway: intToIp(c.network + 1),
    dns1: n.dns1 ?? null,
    dns2: n.dns2 ?? null,
    mtu: n.mtu ?? 1500,
    created_at: now,
    updated_at: now,
  };
  insertNetwork(db, row);
  return row;
}
