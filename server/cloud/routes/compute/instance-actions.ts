import type { FastifyInstance } from 'fastify';
import { findServer, type ServerParams } from '../../compute/access.ts';
import { notFound } from '../../errors.ts';
import { actionByRequest, actionsOf, eventsOf, type ActionRow } from '../../repositories/instance-actions.ts';

// Chapter 11: the actions recorded for a server, and one action with its events (admins only).
const view = (a: ActionRow) => ({
  action: a.action,
  instance_uuid: a.server_id,
  message: a.message,
  project_id: a.project_id,
  request_id: a.request_id,
  start_time: a.start_time,
  user_id: a.user_id,
});

export default async function instanceActionRoutes(app: FastifyInstance) {
  const db = app.db;

  app.get<{ Params: ServerParams }>('/servers/:server_id/os-instance-actions', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    return { instanceActions: actionsOf(db, server.id).map(view) };
  });

  app.get<{ Params: ServerParams & { request_id: string } }>('/servers/:server_id/os-instance-actions/:request_id', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    const action = actionByRequest(db, server.id, req.params.request_id);
    if (!action) throw notFound(`Action for request_id ${req.params.request_id} on instance ${server.id} not found`);
    const body: Record<string, unknown> = view(action);
    // Events are for admins before microversion 2.51 (os-instance-actions:events policy).
    if (req.ctx.isAdmin) {
      body.events = eventsOf(db, action.id).map((e) => ({
        event: e.event,
        start_time: e.start_time,
        finish_time: e.finish_time,
        result: e.result,
        traceback: e.traceback,
      }));
    }
    return { instanceAction: body };
  });
}
