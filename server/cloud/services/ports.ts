import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import { intToIp, ipToInt, parseCidr } from '../ipv4.ts';
import { getNetwork, type Network } from '../repositories/networks.ts';
import { bindFreePort, getPortById, insertPort, lastAddressOnNetwork, portOnAddress, type Port } from '../repositories/ports.ts';

// Neutron's ports, as the servers area needs them: made on a network with an address, bound
// to a server, released with it.

/** Neutron's base MAC for OpenStack ports, the last three octets random. */
const newMac = () => `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;

/**
 * The given fixed IP (in the subnet and free), or the next free address after the one given
 * last on the network, wrapping round to the start of the range: never the network,
 * gateway or broadcast address. Each address is looked up in the unique index of
 * (network, address), so a network holding ten thousand ports costs what one holding ten
 * does; an address freed by a deleted server is given again once the range wraps (or at
 * once, when it was the last one given).
 */
function chooseAddress(db: Db, net: Network, fixedIp: string | undefined): string {
  const c = parseCidr(net.cidr)!;
  const first = c.network + 1;
  const last = c.network + c.size - 2;
  const gateway = ipToInt(net.gateway)!;
  if (fixedIp !== undefined) {
    const n = ipToInt(fixedIp);
    if (n === undefined || n < first || n > last || n === gateway) {
      // Nova's InvalidInput for Neutron's InvalidIpForNetwork.
      throw badRequest(`Invalid input received: Fixed IP ${fixedIp} is not a valid ip address for network ${net.id}.`);
    }
    const holder = portOnAddress(db, net.id, fixedIp);
    if (holder) throw conflict(`Fixed IP address ${fixedIp} is already in use on instance ${holder.server_id ?? ''}.`);
    return fixedIp;
  }
  const previous = ipToInt(lastAddressOnNetwork(db, net.id) ?? '');
  const start = previous !== undefined && previous >= first && previous < last ? previous + 1 : first;
  const span = last - first + 1;
  for (let k = 0; k < span; k++) {
    const n = first + ((start - first + k) % span);
    if (n === gateway) continue;
    const ip = intToIp(n);
    if (!portOnAddress(db, net.id, ip)) return ip;
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

/** A port on one of the project's networks, with its address and a fresh MAC. */
export function allocatePort(db: Db, r: PortRequest): Port {
  return db.transaction(() => {
    const net = getNetwork(db, r.projectId, r.networkId);
    if (!net) throw notFound(`Network ${r.networkId} could not be found.`);
    const ip = chooseAddress(db, net, r.fixedIp);
    const id = uuid();
    for (let attempt = 0; ; attempt++) {
      try {
        insertPort(db, { id, projectId: r.projectId, networkId: net.id, serverId: r.serverId, mac: newMac(), ip, createdAt: isoNow() });
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

/** Binds a free port to a server; a port already bound is Nova's PortInUse (409). */
export function bindPort(db: Db, portId: string, serverId: string): Port {
  if (!bindFreePort(db, portId, serverId)) {
    if (!getPortById(db, portId)) throw notFound(`Port id ${portId} could not be found.`);
    throw conflict(`Port ${portId} is still in use.`);
  }
  return getPortById(db, portId)!;
}
