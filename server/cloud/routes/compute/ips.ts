import type { FastifyInstance } from 'fastify';
import { findServer, type ServerParams } from '../../compute/access.ts';
import { notFound } from '../../errors.ts';
import { portsOfServers } from '../../repositories/ports.ts';
import { addressesOf } from '../../repositories/server-view.ts';

// Chapter 9: the server's addresses, derived from its ports (Nova's ips controller).
export default async function ipRoutes(app: FastifyInstance) {
  const db = app.db;
  const addresses = (serverId: string) => addressesOf(portsOfServers(db, [serverId]).get(serverId), false);

  app.get<{ Params: ServerParams }>('/servers/:server_id/ips', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    return { addresses: addresses(server.id) };
  });

  app.get<{ Params: ServerParams & { network_name: string } }>('/servers/:server_id/ips/:network_name', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    const list = addresses(server.id)[req.params.network_name];
    if (!list) throw notFound('Instance is not a member of specified network');
    return { [req.params.network_name]: list };
  });
}
