import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordAction } from '../repositories/instance-actions.ts';
import { getServer, getServerAnyProject, type ServerRow } from '../repositories/servers.ts';
import type { ViewOptions } from '../repositories/server-view.ts';

/**
 * The server a request names. A member only reaches its project's servers, and another
 * project's server is 404 like a missing one, so ids do not leak; an admin reaches any
 * server by id, as under Nova's default policy.
 */
export function findServer(db: Db, ctx: RequestContext, id: string): ServerRow {
  const row = ctx.isAdmin ? getServerAnyProject(db, id) : getServer(db, ctx.projectId, id);
  if (!row) throw notFound(`Instance ${id} could not be found.`);
  return row;
}

export function viewOptions(app: FastifyInstance, req: FastifyRequest): ViewOptions {
  return { ctx: req.ctx, nowMs: Date.now(), transitionMs: app.cloudConfig.transitionMs };
}

/** Records the instance action of a mutating request (Nova's InstanceAction.action_start). */
export function recordRequest(db: Db, ctx: RequestContext, serverId: string, action: string, event?: string, finished = false): number {
  return recordAction(db, {
    serverId,
    requestId: ctx.requestId,
    action,
    projectId: ctx.projectId,
    userId: ctx.userId,
    nowMs: Date.now(),
    event,
    finished,
  });
}

export type ServerParams = { server_id: string };
