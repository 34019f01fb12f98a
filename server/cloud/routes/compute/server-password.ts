import type { FastifyInstance } from 'fastify';
import { findServer, recordRequest, type ServerParams } from '../../compute/access.ts';
import { isoNow } from '../../ids.ts';
import { updateServer } from '../../repositories/servers.ts';

// Chapter 17: the encrypted password the guest posted (compute/password.ts), and clearing it.
export default async function serverPasswordRoutes(app: FastifyInstance) {
  const db = app.db;

  app.get<{ Params: ServerParams }>('/servers/:server_id/os-server-password', async (req) => ({
    password: findServer(db, req.ctx, req.params.server_id).password,
  }));

  app.delete<{ Params: ServerParams }>('/servers/:server_id/os-server-password', async (req, reply) => {
    db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      // Only the record is cleared; the guest's password is unchanged (spec 17.2).
      updateServer(db, server.id, { password: '' }, isoNow());
      recordRequest(db, req.ctx, server.id, 'clear_password', undefined, true);
    })();
    return reply.code(204).send();
  });
}
