import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findServer, recordRequest, viewOptions, type ServerParams } from '../../compute/access.ts';
import { createServers } from '../../compute/create-server.ts';
import { beginOp } from '../../lifecycle/transitions.ts';
import { ListCache } from '../../compute/list-cache.ts';
import { findServers } from '../../compute/list-servers.ts';
import { RULES, checkLock, checkState } from '../../lifecycle/states.ts';
import { checkName, envelope, invalid, onlyKeys, pyRepr, str } from '../../compute/validation.ts';
import { isoNow } from '../../ids.ts';
import { basicView, detailJson, detailView, summaryView } from '../../repositories/server-view.ts';
import { updateServer, type ServerRow } from '../../repositories/servers.ts';
import { stmt } from '../../db/statements.ts';
import { scheduleTick } from '../../lifecycle/engine.ts';
import { nextLinks } from '../../views/links.ts';

type ListQuery = Record<string, string | string[] | undefined>;

// Sections 4.2-4.10: create, show, list, list detail, update and delete servers.
export default async function serverRoutes(app: FastifyInstance) {
  const db = app.db;

  const create = async (req: FastifyRequest, reply: FastifyReply) => {
    const made = createServers(db, req.ctx, req.body, app.cloudConfig.transitionMs);
    scheduleTick(db, made.dueAt);
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
  app.post('/servers', create);
  // The spec's alias used by the OpenStack client for boot-from-volume (4.2).
  app.post('/os-volumes_boot', create);

  const cache = new ListCache(db);
  /** Everything an answer depends on besides the data: who asks, how, and the URL with its query. */
  const cacheKey = (req: FastifyRequest) => {
    const c = req.ctx;
    return [c.projectId, c.isAdmin, c.mv, c.baseUrl, req.url].join('|');
  };
  const list = (detail: boolean) => async (req: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) => {
    const body = cache.answer(cacheKey(req), () => {
      const { rows, nextMarker } = findServers(db, req.ctx, req.query, detail);
      const links = nextLinks(req.ctx, detail ? 'servers/detail' : 'servers', req.query, nextMarker);
      const tail = `${links.length ? `,"servers_links":${JSON.stringify(links)}` : ''}}`;
      return {
        body: detail ? detailJson(db, rows, viewOptions(app, req), '{"servers":', tail) : `{"servers":${JSON.stringify(summaryView(rows, req.ctx))}${tail}`,
        cacheable: !detail || rows.every((r) => r.task_state === null),
      };
    });
    return reply.type('application/json; charset=utf-8').send(body);
  };
  app.get<{ Querystring: ListQuery }>('/servers', list(false));
  app.get<{ Querystring: ListQuery }>('/servers/detail', list(true));

  app.get<{ Params: ServerParams }>('/servers/:server_id', async (req, reply) => {
    const row = findServer(db, req.ctx, req.params.server_id);
    return reply.send({ server: detailView(db, [row], viewOptions(app, req))[0] });
  });

  app.put<{ Params: ServerParams }>('/servers/:server_id', async (req) => {
    const ctx = req.ctx;
    const body = envelope(req.body, 'server');
    const allowed = ['name', 'OS-DCF:diskConfig', 'accessIPv4', 'accessIPv6', ...(ctx.mv.atLeast('2.19') ? ['description'] : [])];
    onlyKeys(body, allowed, 'server');
    const changes: Partial<ServerRow> = {};
    if ('name' in body) changes.name = checkName('name', body.name, ctx.legacy);
    const disk = body['OS-DCF:diskConfig'];
    if (disk !== undefined) {
      if (disk !== 'AUTO' && disk !== 'MANUAL') throw invalid('OS-DCF:diskConfig', disk, `${pyRepr(disk)} is not one of ['AUTO', 'MANUAL']`);
      changes.disk_config = disk;
    }
    if ('accessIPv4' in body) changes.access_ipv4 = str(body, 'accessIPv4', { format: 'ipv4' }) ?? '';
    if ('accessIPv6' in body) changes.access_ipv6 = str(body, 'accessIPv6', { format: 'ipv6' }) ?? '';
    if ('description' in body) changes.description = str(body, 'description', { max: 255, nullable: true }) ?? null;
    const row = db.transaction(() => {
      const server = findServer(db, ctx, req.params.server_id);
      updateServer(db, server.id, changes, isoNow());
      recordRequest(db, ctx, server.id, 'update', undefined, true);
      return stmt(db, 'SELECT * FROM servers WHERE id = ?').get(server.id) as ServerRow;
    })();
    return { server: basicView(db, row, viewOptions(app, req)) };
  });

  app.delete<{ Params: ServerParams }>('/servers/:server_id', async (req, reply) => {
    const ctx = req.ctx;
    const due = db.transaction(() => {
      const server = findServer(db, ctx, req.params.server_id);
      checkLock(server, ctx.isAdmin);
      // A second delete of a server already going away is accepted, as Nova accepts it.
      if (server.task_state === 'deleting') return null;
      checkState(server, RULES.delete, 'delete');
      const actionId = recordRequest(db, ctx, server.id, 'delete', 'compute_terminate_instance');
      return beginOp(db, server, 'delete', { actionId }, Date.now(), app.cloudConfig.transitionMs);
    })();
    if (due !== null) scheduleTick(db, due);
    return reply.code(204).send();
  });
}
