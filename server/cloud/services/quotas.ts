import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { forbidden, quotaExceeded } from '../errors.ts';
import { quotaLimit, quotaSet } from '../repositories/quotas.ts';
import { countSecurityGroups } from '../repositories/security-groups.ts';
import { countServerGroups } from '../repositories/server-groups.ts';
import { serverUsage } from '../repositories/servers.ts';
import type { ProjectLimits } from '../views/limits.ts';
import { DEFAULT_QUOTAS, type QuotaResource } from '../quota-defaults.ts';

// Chapters 15 and 16: quotas, their enforcement, and the limits a project sees.

/**
 * Throws Nova's 403 when `requested` more of each resource would pass the limit:
 * "Quota exceeded for cores: Requested 4, but already used 18 of 20 cores". Call it in the
 * same db.transaction as the insert it guards, so no other write comes between.
 */
export function enforceQuota(
  db: Db,
  projectId: string,
  requested: Partial<Record<QuotaResource, number>>,
  used: Partial<Record<QuotaResource, number>>,
): void {
  const over: QuotaResource[] = [];
  for (const [r, req] of Object.entries(requested) as [QuotaResource, number][]) {
    if (!req) continue;
    const limit = quotaLimit(db, projectId, r);
    if (limit >= 0 && (used[r] ?? 0) + req > limit) over.push(r);
  }
  if (over.length === 0) return;
  const names = over.join(', ');
  const reqs = over.map((r) => requested[r]).join(', ');
  const useds = over.map((r) => used[r] ?? 0).join(', ');
  const limits = over.map((r) => quotaLimit(db, projectId, r)).join(', ');
  throw quotaExceeded(`Quota exceeded for ${names}: Requested ${reqs}, but already used ${useds} of ${limits} ${names}`);
}

/** 16.1: a project's quotas (or a user's within it); a member reads its own project's only. */
export function quotaSetFor(db: Db, ctx: RequestContext, tenantId: string, userId?: string): Record<QuotaResource, number> {
  if (tenantId !== ctx.projectId && !ctx.isAdmin) {
    throw forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
  }
  // An unknown project or user gets the defaults (spec 16.1), which quotaSet falls back to.
  return quotaSet(db, tenantId, userId);
}

/**
 * GET /os-quota-sets/{id}/detail (Nova's, beyond 16.1): each limit with what is in use. As
 * Nova counts: instances, cores and ram (the user's, with ?user_id=), server groups (the
 * user's, with ?user_id=); key pairs, server group members and security group rules never
 * (counted per user or per group, so 0 here, as Nova says); security groups as this cloud
 * counts them against their limit (Nova, leaving them to Neutron, says 0); nothing else is
 * counted (0).
 */
export function quotaDetailFor(db: Db, ctx: RequestContext, tenantId: string, userId?: string): QuotaDetail {
  const limits = quotaSetFor(db, ctx, tenantId, userId);
  const servers = serverUsage(db, tenantId, userId);
  const inUse: Partial<Record<QuotaResource, number>> = {
    ...servers,
    server_groups: countServerGroups(db, tenantId, userId),
    security_groups: countSecurityGroups(db, tenantId),
  };
  return Object.fromEntries(
    Object.entries(limits).map(([r, limit]) => [r, { limit, in_use: inUse[r as QuotaResource] ?? 0, reserved: 0 }]),
  ) as QuotaDetail;
}

export type QuotaDetail = Record<QuotaResource, { limit: number; in_use: number; reserved: number }>;

/** 16.2: the defaults, for any project. */
export const defaultQuotas = (): Record<QuotaResource, number> => ({ ...DEFAULT_QUOTAS });

/** 15.1: absolute limits with the project's live usage; another project's (tenant_id) for admins. */
export function limitsFor(db: Db, ctx: RequestContext, tenantId: string | undefined): ProjectLimits {
  const project = tenantId ?? ctx.projectId;
  if (project !== ctx.projectId && !ctx.isAdmin) {
    throw forbidden("Policy doesn't allow os_compute_api:limits:other_project to be performed.");
  }
  return {
    quotas: quotaSet(db, project),
    used: { ...serverUsage(db, project), securityGroups: countSecurityGroups(db, project), serverGroups: countServerGroups(db, project) },
  };
}
