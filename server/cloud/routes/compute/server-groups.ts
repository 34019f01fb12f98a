import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { since, variants } from '../../plugins/microversion.ts';
import { serverGroupSchemas as schemas } from '../../schemas/server-groups.ts';
import { createServerGroup, deleteServerGroup, serverGroupsFor, showServerGroup } from '../../services/server-groups.ts';
import { serverGroupView } from '../../views/server-groups.ts';

type GroupParams = { Params: { server_group_id: string } };

// Chapter 8: server groups.
export default async function serverGroupRoutes(app: FastifyInstance) {
  const { db } = app;

  for (const [version, schema] of variants(schemas.create)) {
    app.post<{ Body: { server_group: { name: string; policies: string[] } } }>('/os-server-groups', { ...since(version), schema }, async (req) => ({
      server_group: serverGroupView(req.ctx, createServerGroup(db, req.ctx, req.body.server_group)),
    }));
  }

  app.get<{ Querystring: Query }>('/os-server-groups', { schema: schemas.list }, async (req) => ({
    server_groups: serverGroupsFor(db, req.ctx, req.query).map((g) => serverGroupView(req.ctx, g)),
  }));

  app.get<GroupParams>('/os-server-groups/:server_group_id', { schema: schemas.show }, async (req) => ({
    server_group: serverGroupView(req.ctx, showServerGroup(db, req.ctx, req.params.server_group_id)),
  }));

  app.delete<GroupParams>('/os-server-groups/:server_group_id', { schema: schemas.delete }, async (req, reply) => {
    deleteServerGroup(db, req.ctx, req.params.server_group_id);
    return reply.code(204).send();
  });
}
