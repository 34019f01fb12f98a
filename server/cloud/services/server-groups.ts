import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound, quotaExceeded } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import type { Query } from '../pagination.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import {
  countServerGroups,
  deleteServerGroup as deleteGroupRow,
  getServerGroup,
  insertServerGroup,
  listServerGroups,
  membersOfGroups,
  type ServerGroupRow,
} from '../repositories/server-groups.ts';

// Chapter 8: server groups. (Anti-)affinity is enforced when servers are created in a group.

export interface GroupWithMembers {
  group: ServerGroupRow;
  members: string[];
}

/** Admins see any group by id; members only their project's (others are 404). */
function findGroup(db: Db, ctx: RequestContext, id: string): ServerGroupRow {
  const g = getServerGroup(db, ctx.isAdmin ? undefined : ctx.projectId, id);
  if (!g) throw notFound(`Instance group ${id} could not be found.`);
  return g;
}

/** 8.1: a new group, within the server_groups quota. */
export function createServerGroup(db: Db, ctx: RequestContext, body: { name: string; policies: string[] }): GroupWithMembers {
  return db.transaction(() => {
    const limit = quotaLimit(db, ctx.projectId, 'server_groups');
    if (limit >= 0 && countServerGroups(db, ctx.projectId) + 1 > limit) throw quotaExceeded('Quota exceeded, too many server groups.');
    const row = { id: uuid(), project_id: ctx.projectId, user_id: ctx.userId, name: body.name, policy: body.policies[0], metadata: '{}', created_at: isoNow() };
    insertServerGroup(db, row);
    return { group: getServerGroup(db, ctx.projectId, row.id)!, members: [] };
  })();
}

/**
 * 8.2: the project's groups, paged as Nova's common.limited pages (at most osapi_max_limit);
 * all_projects is honoured for admins and silently ignored for others (policy, fatal=False).
 */
export function serverGroupsFor(db: Db, ctx: RequestContext, q: Query): GroupWithMembers[] {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? String(v) : v);
  const allProjects = one(q.all_projects);
  const all = ctx.isAdmin && allProjects !== undefined && !['0', 'false', 'f', 'no', 'off'].includes(allProjects.toLowerCase());
  const offsetText = one(q.offset);
  const limitText = one(q.limit);
  const offset = offsetText === undefined ? 0 : Number(offsetText);
  const limit = limitText === undefined ? 1000 : Number(limitText);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset param must be positive');
  if (!Number.isInteger(limit) || limit < 0) throw badRequest('limit param must be an integer');
  const groups = listServerGroups(db, all ? undefined : ctx.projectId).slice(offset, offset + Math.min(limit, 1000));
  const members = membersOfGroups(db, groups.map((g) => g.id));
  return groups.map((group) => ({ group, members: members.get(group.id) ?? [] }));
}

/** 8.3 */
export function showServerGroup(db: Db, ctx: RequestContext, id: string): GroupWithMembers {
  const group = findGroup(db, ctx, id);
  return { group, members: membersOfGroups(db, [group.id]).get(group.id) ?? [] };
}

/** 8.4: the members stay (Nova deletes the group and its member records, not the servers). */
export function deleteServerGroup(db: Db, ctx: RequestContext, id: string): void {
  db.transaction(() => deleteGroupRow(db, findGroup(db, ctx, id).id))();
}
