import type { FastifyInstance } from 'fastify';
import { since, variants } from '../../plugins/microversion.ts';
import { serverActionSchemas } from '../../schemas/server-actions.ts';
import { runServerAction } from '../../services/server-actions.ts';

// Chapter 5: POST /servers/{id}/action, one action per body key.
export default async function serverActionRoutes(app: FastifyInstance) {
  const { db, cloudConfig: config } = app;
  for (const [version, schema] of variants(serverActionSchemas)) {
    app.post<{ Params: { server_id: string }; Body: Record<string, unknown> }>('/servers/:server_id/action', { ...since(version), schema }, async (req, reply) => {
      const o = { ctx: req.ctx, nowMs: Date.now(), transitionMs: config.transitionMs };
      const result = runServerAction(db, o, req.params.server_id, req.body, config);
      void reply.code(result.status);
      if (result.headers) void reply.headers(result.headers);
      return result.body === undefined ? reply.send() : result.body;
    });
  }
}
