import type { FastifyInstance } from 'fastify';
import { findServer, recordRequest, type ServerParams } from '../../compute/access.ts';
import { RULES, checkLock, checkState } from '../../lifecycle/states.ts';
import { invalid, isObj, onlyKeys, str, typeError } from '../../compute/validation.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { getNetwork, listNetworks } from '../../repositories/networks.ts';
import { getPort, portsOfServers, releasePort, type Port } from '../../repositories/ports.ts';
import { allocatePort, bindPort } from '../../services/ports.ts';

type PortParams = ServerParams & { port_id: string };

const view = (p: Port) => ({
  port_state: p.port_state,
  fixed_ips: p.fixed_ips.map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
  port_id: p.id,
  net_id: p.network_id,
  mac_addr: p.mac_addr,
});

// Chapter 13: a server's network interfaces (its ports).
export default async function interfaceRoutes(app: FastifyInstance) {
  const db = app.db;
  const portsOf = (serverId: string) => portsOfServers(db, [serverId]).get(serverId) ?? [];

  app.get<{ Params: ServerParams }>('/servers/:server_id/os-interface', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    return { interfaceAttachments: portsOf(server.id).map(view) };
  });

  app.get<{ Params: PortParams }>('/servers/:server_id/os-interface/:port_id', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    const port = portsOf(server.id).find((p) => p.id === req.params.port_id);
    if (!port) throw notFound(`Instance ${server.id} does not have a port with id ${req.params.port_id}`);
    return { interfaceAttachment: view(port) };
  });

  app.post<{ Params: ServerParams }>('/servers/:server_id/os-interface', async (req) => {
    const body = req.body ?? {};
    if (!isObj(body)) throw typeError('interfaceAttachment', body, 'object');
    onlyKeys(body, ['interfaceAttachment'], 'interfaceAttachment');
    const att = body.interfaceAttachment ?? {};
    if (!isObj(att)) throw typeError('interfaceAttachment', att, 'object');
    onlyKeys(att, ['net_id', 'port_id', 'fixed_ips'], 'interfaceAttachment');
    const netId = str(att, 'net_id', { format: 'uuid' });
    const portId = str(att, 'port_id', { format: 'uuid' });
    let fixedIp: string | undefined;
    if (att.fixed_ips !== undefined) {
      const ips = att.fixed_ips;
      if (!Array.isArray(ips)) throw typeError('fixed_ips', ips, 'array');
      if (ips.length > 1) throw invalid('fixed_ips', ips, `${JSON.stringify(ips)} is too long`);
      const first = ips[0];
      if (first !== undefined) {
        if (!isObj(first)) throw typeError('fixed_ips', first, 'object');
        onlyKeys(first, ['ip_address'], 'fixed_ips');
        fixedIp = str(first, 'ip_address', { format: 'ipv4' });
      }
    }
    if (netId && portId) throw badRequest('Must not input both network_id and port_id');
    if (fixedIp && !netId) throw badRequest('Must input network_id when request IP address');
    const port = db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      checkLock(server, req.ctx.isAdmin);
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
      recordRequest(db, req.ctx, server.id, 'attach_interface', 'compute_attach_interface', true);
      return p;
    })();
    return { interfaceAttachment: view(port) };
  });

  app.delete<{ Params: PortParams }>('/servers/:server_id/os-interface/:port_id', async (req, reply) => {
    db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      checkLock(server, req.ctx.isAdmin);
      checkState(server, RULES.interface, 'detach_interface');
      const ports = portsOf(server.id);
      const index = ports.findIndex((p) => p.id === req.params.port_id);
      if (index < 0) throw notFound(`Port ${req.params.port_id} is not attached`);
      // Spec 13.2: the primary NIC comes off last, after every other interface.
      if (index === 0 && ports.length > 1) {
        throw conflict(`The primary network interface ${req.params.port_id} of instance ${server.id} can be detached only after the other interfaces are detached.`);
      }
      releasePort(db, req.params.port_id);
      recordRequest(db, req.ctx, server.id, 'detach_interface', 'compute_detach_interface', true);
    })();
    return reply.code(202).send();
  });
}
