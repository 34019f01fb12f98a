import type { Db } from '../db/database.ts';
import { stmt } from '../db/statements.ts';
import { DEFAULT_QUOTAS, QUOTA_RESOURCES, type QuotaResource } from '../quota-defaults.ts';

/**
 * The hard limit of a resource for a project (−1 = unlimited): a user override, else the
 * project override, else the default. The contract function the resources area calls.
 */
export function quotaLimit(db: Db, projectId: string, resource: string, userId?: string): number {
  if (userId) {
    const u = stmt(db, 'SELECT hard_limit FROM quotas WHERE project_id = ? AND user_id = ? AND resource = ?').get(projectId, userId, resource) as
      | { hard_limit: number }
      | undefined;
    if (u) return u.hard_limit;
  }
  const p = stmt(db, "SELECT hard_limit FROM quotas WHERE project_id = ? AND user_id = '' AND resource = ?").get(projectId, resource) as
    | { hard_limit: number }
    | undefined;
  if (p) return p.hard_limit;
  return (DEFAULT_QUOTAS as Record<string, number>)[resource] ?? -1;
}

export function quotaSet(db: Db, projectId: string, userId?: string): Record<QuotaResource, number> {
  const out = {} as Record<QuotaResource, number>;
  for (const r of QUOTA_RESOURCES) out[r] = quotaLimit(db, projectId, r, userId);
  return out;
}

/** Sets an override (no API writes quotas in this spec; tests and operators' seeds do). */
export function setQuota(db: Db, projectId: string, resource: QuotaResource, hardLimit: number, userId = ''): void {
  stmt(db, 'INSERT INTO quotas (project_id, user_id, resource, hard_limit) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, user_id, resource) DO UPDATE SET hard_limit = excluded.hard_limit').run(
    projectId,
    userId,
    resource,
    hardLimit,
  );
}
