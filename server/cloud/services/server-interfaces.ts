import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { RULES, checkLock, checkState } from '../lifecycle/states.ts';
import { getNetwork, listNetworks } from '../repositories/networks.ts';
import { getPort, portsOfServers, releasePort, type Port } from '../repositories/ports.ts';
import { allocatePort, bindPort } from './ports.ts';
import { findServer, recordRequest } from './servers.ts';

// Chapter 13: a server's network interfaces (its ports).

const portsOf = (db: Db, serverId: string) => portsOfServers(db, [serverId]).get(serverId) ?? [];

export const interfacesOf = (db: Db, ctx: RequestContext, serverId: string): Port[] => portsOf(db, findServer(db, ctx, serverId).id);

export function interfaceOf(db: Db, ctx: RequestContext, serverId: string, portId: string): Port {
  const server = findServer(db, ctx, serverId);
  const port = portsOf(db, server.id).find((p) => p.id === portId);
  if (!port) throw notFound(`Instance ${server.id} does not have a port with id ${portId}`);
  return port;
}

export interface InterfaceRequest {
  net_id?: string;
  port_id?: string;
  fixed_ips?: { ip_address?: string }[];
}

/** 13.3: a port of the user's (port_id), or a new one on a network (the project's only one when none is named). */
export function attachInterface(db: Db, ctx: RequestContext, serverId: string, att: InterfaceRequest): Port {
  const { net_id: netId, port_id: portId } = att;
  const fixedIp = att.fixed_ips?.[0]?.ip_address;
  if (netId && portId) throw badRequest('Must not input both network_id and port_id');
  if (fixedIp && !netId) throw badRequest('Must input network_id when request IP address');
  return db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    checkLock(server, ctx.isAdmin);
    checkState(server, RULES.interface, 'attach_interface');
    let p: Port;
    if (portId) {
      const existing = getPort(db, server.project_id, portId);
      if (!existing) throw notFound(`Port ${portId} could not be found.`);
      if (existing.server_id) throw conflict(`Port ${portId} is still in use.`);
      p = bindPort(db, portId, server.id);
    } else {
      let network = netId;
      if (!network) {
        const nets = listNetworks(db, server.project_id);
        if (nets.length !== 1) throw badRequest('Multiple possible networks found, use a Network ID to be more specific.');
        network = nets[0].id;
      }
      if (!getNetwork(db, server.project_id, network)) throw notFound(`Network ${network} could not be found.`);
      p = allocatePort(db, { projectId: server.project_id, networkId: network, fixedIp, serverId: server.id });
    }
    recordRequest(db, ctx, server.id, 'attach_interface', 'compute_attach_interface', true);
    return p;
  })();
}

/** 13.4: spec 13.2, the primary NIC comes off last, after every other interface. */
export function detachInterface(db: Db, ctx: RequestContext, serverId: string, portId: string): void {
  db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    checkLock(server, ctx.isAdmin);
    checkState(server, RULES.interface, 'detach_interface');
    const ports = portsOf(db, server.id);
    const index = ports.findIndex((p) => p.id === portId);
    if (index < 0) throw notFound(`Port ${portId} is not attached`);
    if (index === 0 && ports.length > 1) {
      throw conflict(`The primary network interface ${portId} of instance ${server.id} can be detached only after the other interfaces are detached.`);
    }
    releasePort(db, portId);
    recordRequest(db, ctx, server.id, 'detach_interface', 'compute_detach_interface', true);
  })();
}
