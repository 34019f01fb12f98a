import type { FastifyInstance } from 'fastify';
import { PROXY_API, versionRange } from '../../plugins/microversion.ts';
import { networkSchemas } from '../../schemas/networks.ts';
import { networksOf, showNetwork } from '../../services/networks.ts';
import { networkView } from '../../views/networks.ts';

/** Chapter 21: the project's networks (os-networks proxy; no paging, per the spec). */
export default async function networkRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);

  app.get('/os-networks', { schema: networkSchemas.list }, async (req) => ({
    networks: networksOf(app.db, req.ctx).map((n) => networkView(req.ctx, n)),
  }));

  app.get<{ Params: { network_id: string } }>('/os-networks/:network_id', { schema: networkSchemas.show }, async (req) => ({
    network: networkView(req.ctx, showNetwork(app.db, req.ctx, req.params.network_id)),
  }));
}
