import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { isoNow } from '../ids.ts';
import { scheduleTick } from '../lifecycle/engine.ts';
import { RULES, checkLock, checkState } from '../lifecycle/states.ts';
import { beginOp } from '../lifecycle/transitions.ts';
import { recordAction } from '../repositories/instance-actions.ts';
import { portsOfServers } from '../repositories/ports.ts';
import { securityGroupsOfServers } from '../repositories/security-groups.ts';
import { getServer, getServerAnyProject, getServerEvenDeleted, serverById, tagsOfServers, updateServer, type ListedServer, type ServerRow } from '../repositories/servers.ts';
import { attachmentsOfServers } from '../repositories/volumes.ts';
import { serverViews, type ViewOptions } from '../views/servers.ts';

// Sections 4.6–4.8: one server: show, update, delete; and what every server operation
// shares: finding the server a request names, and recording the request as an instance action.

/**
 * The server a request names. A member only reaches its project's servers, and another
 * project's server is 404 like a missing one, so ids do not leak; an admin reaches any
 * server by id, as under Nova's default policy. A deleted server is 404 unless the operation
 * reads deleted ones (`readDeleted`).
 */
export function findServer(db: Db, ctx: RequestContext, id: string, opts: { readDeleted?: boolean } = {}): ServerRow {
  let row: ServerRow | undefined;
  if (opts.readDeleted) {
    // Nova's read_deleted='yes': a deleted server too, within the same policy.
    row = getServerEvenDeleted(db, id);
    if (row && !ctx.isAdmin && row.project_id !== ctx.projectId) row = undefined;
  } else {
    row = ctx.isAdmin ? getServerAnyProject(db, id) : getServer(db, ctx.projectId, id);
  }
  if (!row) throw notFound(`Instance ${id} could not be found.`);
  return row;
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

/** The detail views of servers, their related rows read in one query per table. */
function detailedServers(db: Db, rows: ListedServer[], o: ViewOptions): Record<string, unknown>[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const views = serverViews(o);
  const ports = portsOfServers(db, ids);
  const attachments = attachmentsOfServers(db, ids);
  const groups = securityGroupsOfServers(db, ids);
  const tags = views.tags ? tagsOfServers(db, ids) : undefined;
  return rows.map((r) =>
    views.detail(r, { ports: ports.get(r.id), tags: tags?.get(r.id), groups: groups.get(r.id), attachments: attachments.get(r.id) }),
  );
}

/** The basic view of one server (what update and rebuild answer). */
export function basicServer(db: Db, r: ListedServer, o: ViewOptions): Record<string, unknown> {
  const views = serverViews(o);
  return views.basic(r, { ports: portsOfServers(db, [r.id]).get(r.id), tags: views.tags ? tagsOfServers(db, [r.id]).get(r.id) : undefined });
}

/** 4.7: show. */
export const showServer = (db: Db, o: ViewOptions, id: string) => detailedServers(db, [findServer(db, o.ctx, id)], o)[0];

export interface ServerUpdate {
  name?: string;
  'OS-DCF:diskConfig'?: 'AUTO' | 'MANUAL';
  accessIPv4?: string;
  accessIPv6?: string;
  description?: string | null;
}

/** 4.8: rename, disk config, access addresses, description (2.19); Nova records no instance action for it. */
export function updateServerFields(db: Db, o: ViewOptions, id: string, body: ServerUpdate): Record<string, unknown> {
  const changes: Partial<ServerRow> = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body['OS-DCF:diskConfig'] !== undefined) changes.disk_config = body['OS-DCF:diskConfig'];
  if (body.accessIPv4 !== undefined) changes.access_ipv4 = body.accessIPv4;
  if (body.accessIPv6 !== undefined) changes.access_ipv6 = body.accessIPv6;
  if (body.description !== undefined) changes.description = body.description;
  const row = db.transaction(() => {
    const server = findServer(db, o.ctx, id);
    updateServer(db, server.id, changes, isoNow());
    return serverById(db, server.id);
  })();
  return basicServer(db, row, o);
}

/** 4.10: delete; a second delete of a server already going away is accepted, as Nova accepts it. */
export function deleteServer(db: Db, ctx: RequestContext, id: string, config: { transitionMs: number }): void {
  const due = db.transaction(() => {
    const server = findServer(db, ctx, id);
    checkLock(server, ctx.isAdmin);
    if (server.task_state === 'deleting') return null;
    checkState(server, RULES.delete, 'delete');
    const actionId = recordRequest(db, ctx, server.id, 'delete', 'compute_terminate_instance');
    return beginOp(db, server, 'delete', { actionId }, Date.now(), config.transitionMs);
  })();
  if (due !== null) scheduleTick(db, due);
}
