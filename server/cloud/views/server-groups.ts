import type { RequestContext } from '../context.ts';
import type { ServerGroupRow } from '../repositories/server-groups.ts';

/** A server group as Nova shows it; the owner fields from microversion 2.13 (the base version's schema forbids them). */
export function serverGroupView(ctx: RequestContext, { group: g, members }: { group: ServerGroupRow; members: string[] }) {
  return {
    id: g.id,
    name: g.name,
    policies: [g.policy],
    members,
    metadata: JSON.parse(g.metadata) as Record<string, string>,
    ...(ctx.mv.atLeast('2.13') ? { project_id: g.project_id, user_id: g.user_id } : {}),
  };
}
