import type { FastifyInstance } from 'fastify';
import { checkName, envelope, invalid, onlyKeys, pyRepr, requireKeys, typeError } from '../../compute/validation.ts';
import type { RequestContext } from '../../context.ts';
import { badRequest, notFound, quotaExceeded } from '../../errors.ts';
import { isoNow, uuid } from '../../ids.ts';
import { quotaLimit } from '../../repositories/quotas.ts';
import {
  countServerGroups,
  deleteServerGroup,
  getServerGroup,
  insertServerGroup,
  listServerGroups,
  membersOfGroups,
  type ServerGroupRow,
} from '../../repositories/server-groups.ts';

type GroupParams = { server_group_id: string };

/** Policies of the create schema: soft ones from microversion 2.15. */
const policiesFor = (ctx: RequestContext) =>
  ctx.mv.atLeast('2.15') ? ['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity'] : ['anti-affinity', 'affinity'];

function view(g: ServerGroupRow, members: string[], ctx: RequestContext) {
  return {
    id: g.id,
    name: g.name,
    policies: [g.policy],
    members,
    metadata: JSON.parse(g.metadata) as Record<string, string>,
    // Owner fields from microversion 2.13 (the base version's schema forbids them).
    ...(ctx.mv.atLeast('2.13') ? { project_id: g.project_id, user_id: g.user_id } : {}),
  };
}

// Chapter 8: server groups. Anti-affinity is enforced when servers are created in a group.
export default async function serverGroupRoutes(app: FastifyInstance) {
  const db = app.db;
  /** Admins see any group by id; members only their project's (others are 404). */
  const find = (ctx: RequestContext, id: string) => {
    const g = getServerGroup(db, ctx.isAdmin ? undefined : ctx.projectId, id);
    if (!g) throw notFound(`Instance group ${id} could not be found.`);
    return g;
  };

  app.post('/os-server-groups', async (req) => {
    const ctx = req.ctx;
    const body = envelope(req.body, 'server_group');
    onlyKeys(body, ['name', 'policies'], 'server_group');
    requireKeys(body, ['name', 'policies'], 'server_group');
    const name = checkName('name', body.name, ctx.legacy);
    const policies = body.policies;
    if (!Array.isArray(policies)) throw typeError('policies', policies, 'array');
    if (policies.length !== 1) {
      throw invalid('policies', policies, policies.length === 0 ? '[] is too short' : `${pyRepr(policies)} is too long`);
    }
    const allowed = policiesFor(ctx);
    if (!allowed.includes(policies[0] as string)) {
      throw invalid('policies', policies[0], `${pyRepr(policies[0])} is not one of [${allowed.map((p) => `'${p}'`).join(', ')}]`);
    }
    const group = db.transaction(() => {
      const limit = quotaLimit(db, ctx.projectId, 'server_groups');
      if (limit >= 0 && countServerGroups(db, ctx.projectId) + 1 > limit) throw quotaExceeded('Quota exceeded, too many server groups.');
      const row = { id: uuid(), project_id: ctx.projectId, user_id: ctx.userId, name, policy: String(policies[0]), metadata: '{}', created_at: isoNow() };
      insertServerGroup(db, row);
      return getServerGroup(db, ctx.projectId, row.id)!;
    })();
    return { server_group: view(group, [], ctx) };
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/os-server-groups', async (req) => {
    const ctx = req.ctx;
    // all_projects is honoured for admins and silently ignored for others, as Nova's policy check (fatal=False).
    const all = ctx.isAdmin && req.query.all_projects !== undefined && !['0', 'false', 'f', 'no', 'off'].includes(req.query.all_projects.toLowerCase());
    let groups = listServerGroups(db, all ? undefined : ctx.projectId);
    // Nova's common.limited: offset and limit, at most osapi_max_limit (1000).
    const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
    const limit = req.query.limit === undefined ? 1000 : Number(req.query.limit);
    if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset param must be positive');
    if (!Number.isInteger(limit) || limit < 0) throw badRequest('limit param must be an integer');
    groups = groups.slice(offset, offset + Math.min(limit, 1000));
    const members = membersOfGroups(db, groups.map((g) => g.id));
    return { server_groups: groups.map((g) => view(g, members.get(g.id) ?? [], ctx)) };
  });

  app.get<{ Params: GroupParams }>('/os-server-groups/:server_group_id', async (req) => {
    const g = find(req.ctx, req.params.server_group_id);
    return { server_group: view(g, membersOfGroups(db, [g.id]).get(g.id) ?? [], req.ctx) };
  });

  app.delete<{ Params: GroupParams }>('/os-server-groups/:server_group_id', async (req, reply) => {
    db.transaction(() => deleteServerGroup(db, find(req.ctx, req.params.server_group_id).id))();
    return reply.code(204).send();
  });
}
