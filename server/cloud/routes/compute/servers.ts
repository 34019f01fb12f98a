import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Query } from '../../pagination.ts';
import { since, variants } from '../../plugins/microversion.ts';
import { serverSchemas as schemas } from '../../schemas/servers.ts';
import { ListCache } from '../../services/list-answers.ts';
import { createServers, type ServerCreateBody } from '../../services/server-create.ts';
import { serverListAnswer } from '../../services/server-list.ts';
import { deleteServer, showServer, updateServerFields, type ServerUpdate } from '../../services/servers.ts';
import { summaryView, type ViewOptions } from '../../views/servers.ts';

type ServerParams = { Params: { server_id: string } };

// Sections 4.2-4.10: create, show, list, list detail, update and delete servers.
export default async function serverRoutes(app: FastifyInstance) {
  const { db, cloudConfig: config } = app;
  const viewOptions = (req: FastifyRequest): ViewOptions => ({ ctx: req.ctx, nowMs: Date.now(), transitionMs: config.transitionMs });

  const create = async (req: FastifyRequest<{ Body: ServerCreateBody }>, reply: FastifyReply) => {
    const made = createServers(db, req.ctx, req.body, config);
    void reply.code(202);
    if (made.returnReservationId) return { reservation_id: made.reservationId };
    const first = made.servers[0];
    const links = summaryView([first], req.ctx)[0].links as { rel: string; href: string }[];
    void reply.header('Location', links[0].href);
    return {
      server: {
        id: first.id,
        links,
        'OS-DCF:diskConfig': first.disk_config,
        security_groups: made.securityGroups.map((name) => ({ name })),
        adminPass: made.adminPass,
      },
    };
  };
  for (const [version, schema] of variants(schemas.create)) {
    app.post<{ Body: ServerCreateBody }>('/servers', { ...since(version), schema }, create);
    // The spec's alias used by the OpenStack client for boot-from-volume (4.2).
    app.post<{ Body: ServerCreateBody }>('/os-volumes_boot', { ...since(version), schema }, create);
  }

  // An unchanged list is answered from the text kept for the same request (services/list-answers.ts).
  const answers = new ListCache(db);
  /** Everything an answer depends on besides the data: who asks, how, and the URL with its query. */
  const answerKey = (req: FastifyRequest) => [req.ctx.projectId, req.ctx.isAdmin, req.ctx.mv, req.ctx.baseUrl, req.url].join('|');
  for (const [path, detail] of [['/servers', false], ['/servers/detail', true]] as const) {
    app.get<{ Querystring: Query }>(path, { schema: schemas.list }, async (req, reply) => {
      const body = answers.answer(answerKey(req), () => serverListAnswer(db, viewOptions(req), req.query, detail));
      return reply.type('application/json; charset=utf-8').send(body);
    });
  }

  app.get<ServerParams>('/servers/:server_id', { schema: schemas.show }, async (req, reply) =>
    reply.send({ server: showServer(db, viewOptions(req), req.params.server_id) }),
  );

  for (const [version, schema] of variants(schemas.update)) {
    app.put<ServerParams & { Body: { server: ServerUpdate } }>('/servers/:server_id', { ...since(version), schema }, async (req) => ({
      server: updateServerFields(db, viewOptions(req), req.params.server_id, req.body.server),
    }));
  }

  app.delete<ServerParams>('/servers/:server_id', { schema: schemas.delete }, async (req, reply) => {
    deleteServer(db, req.ctx, req.params.server_id, config);
    return reply.code(204).send();
  });
}
