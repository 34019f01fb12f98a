import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { isoNow } from '../ids.ts';
import { getFlavor } from '../repositories/flavors.ts';
import { getImage } from '../repositories/images.ts';
import { actionByRequest, actionsOf, eventsOf, historyOf, type ActionRow, type EventRow } from '../repositories/instance-actions.ts';
import { portsOfServers, type Port } from '../repositories/ports.ts';
import { securityGroupsOfServers, securityGroupsWithRules, type SecurityGroupWithRules } from '../repositories/security-groups.ts';
import { updateServer, type ServerRow } from '../repositories/servers.ts';
import { consoleLog } from '../views/console-log.ts';
import { findServer, recordRequest } from './servers.ts';

// What the cloud keeps about a server besides its row: its ports (9, addresses), its
// instance actions (11), its password (17), its security groups (22.6), its console (5.7).

/** 9.1: the server's ports, from which its addresses are shown. */
export function portsOfServer(db: Db, ctx: RequestContext, serverId: string): Port[] {
  const server = findServer(db, ctx, serverId);
  return portsOfServers(db, [server.id]).get(server.id) ?? [];
}

/** 9.2: the server's ports on the network of that label; none is Nova's 404. */
export function portsOfServerOn(db: Db, ctx: RequestContext, serverId: string, label: string): Port[] {
  const ports = portsOfServer(db, ctx, serverId).filter((p) => p.network_label === label);
  if (ports.length === 0) throw notFound('Instance is not a member of specified network');
  return ports;
}

/** From 2.21 Nova reads the actions of a deleted server too (read_deleted='yes'). */
const actionsServer = (db: Db, ctx: RequestContext, serverId: string) => findServer(db, ctx, serverId, { readDeleted: ctx.mv.atLeast('2.21') });

/** 11.1: the actions recorded for a server, newest first. */
export const actionsOfServer = (db: Db, ctx: RequestContext, serverId: string): ActionRow[] => actionsOf(db, actionsServer(db, ctx, serverId).id);

/** 11.2: one action; its events for admins only (before 2.51, os-instance-actions:events policy). */
export function actionOfServer(db: Db, ctx: RequestContext, serverId: string, requestId: string): { action: ActionRow; events?: EventRow[] } {
  const server = actionsServer(db, ctx, serverId);
  const action = actionByRequest(db, server.id, requestId);
  if (!action) throw notFound(`Action ${requestId} not found`);
  return ctx.isAdmin ? { action, events: eventsOf(db, action.id) } : { action };
}

/** 17.1: the encrypted password the guest posted (lifecycle/guest-password.ts). */
export const passwordOf = (db: Db, ctx: RequestContext, serverId: string): string => findServer(db, ctx, serverId).password;

/** 17.2: only the record is cleared; the guest's password is unchanged. */
export function clearPassword(db: Db, ctx: RequestContext, serverId: string): void {
  db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    updateServer(db, server.id, { password: '' }, isoNow());
    recordRequest(db, ctx, server.id, 'clear_password', undefined, true);
  })();
}

/** 22.6: the security groups of one server, with their rules. */
export function securityGroupsOfServer(db: Db, ctx: RequestContext, serverId: string): SecurityGroupWithRules[] {
  const server = findServer(db, ctx, serverId);
  const ids = (securityGroupsOfServers(db, [server.id]).get(server.id) ?? []).map((g) => g.id);
  return securityGroupsWithRules(db, ids);
}

/** The OS the console's banner names: the image's version or distribution, else its name. */
function osOf(db: Db, server: ServerRow): string {
  const image = server.image_id ? getImage(db, server.project_id, server.image_id) : undefined;
  const md = image?.metadata ?? {};
  return md.__os_version ?? md.os_distro ?? image?.name ?? 'Linux';
}

/** 5.7: the serial console's lines, written from the server's history. */
export function consoleOutput(db: Db, server: ServerRow, nowMs: number): string[] {
  return consoleLog({
    server,
    history: historyOf(db, server.id),
    flavor: getFlavor(db, server.flavor_id),
    os: osOf(db, server),
    addresses: (portsOfServers(db, [server.id]).get(server.id) ?? []).flatMap((p) => p.fixed_ips.map((f) => f.ip_address)),
    nowMs,
  });
}
