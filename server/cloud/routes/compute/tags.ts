import type { FastifyInstance } from 'fastify';
import { versionRange } from '../../plugins/microversion.ts';
import { serverTagSchemas as schemas } from '../../schemas/server-tags.ts';
import { addServerTag, checkServerTag, deleteServerTag, deleteServerTags, replaceServerTags, tagsOfServer } from '../../services/server-tags.ts';

type ServerParams = { Params: { server_id: string } };
type TagParams = { Params: { server_id: string; tag: string } };

// Chapter 23: server tags, from microversion 2.26 (below it these routes do not exist: 404).
export default async function tagRoutes(app: FastifyInstance) {
  versionRange(app, { since: '2.26' });
  const { db } = app;

  app.get<ServerParams>('/servers/:server_id/tags', { schema: schemas.list }, async (req) => ({
    tags: tagsOfServer(db, req.ctx, req.params.server_id),
  }));

  app.put<ServerParams & { Body: { tags: string[] } }>('/servers/:server_id/tags', { schema: schemas.replace }, async (req) => ({
    tags: replaceServerTags(db, req.ctx, req.params.server_id, req.body.tags),
  }));

  app.delete<ServerParams>('/servers/:server_id/tags', { schema: schemas.deleteAll }, async (req, reply) => {
    deleteServerTags(db, req.ctx, req.params.server_id);
    return reply.code(204).send();
  });

  app.get<TagParams>('/servers/:server_id/tags/:tag', { schema: schemas.check }, async (req, reply) => {
    checkServerTag(db, req.ctx, req.params.server_id, req.params.tag);
    return reply.code(204).send();
  });

  app.put<TagParams>('/servers/:server_id/tags/:tag', { schema: schemas.add }, async (req, reply) => {
    const created = addServerTag(db, req.ctx, req.params.server_id, req.params.tag);
    const { baseUrl, apiPrefix } = req.ctx;
    void reply.header('Location', `${baseUrl}${apiPrefix}/servers/${req.params.server_id}/tags/${encodeURIComponent(req.params.tag)}`);
    return reply.code(created ? 201 : 204).send();
  });

  app.delete<TagParams>('/servers/:server_id/tags/:tag', { schema: schemas.delete }, async (req, reply) => {
    deleteServerTag(db, req.ctx, req.params.server_id, req.params.tag);
    return reply.code(204).send();
  });
}
