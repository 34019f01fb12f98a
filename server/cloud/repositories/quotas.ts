import type { Db } from '../db/database.ts';
import { quotaExceeded } from '../errors.ts';
import { countServerGroups } from './server-groups.ts';
import { serverUsage, stmt } from './servers.ts';

/**
 * Nova's default quotas (nova.conf [quota]), as the spec's 16.2 sample shows them:
 * fixed_ips unlimited, everything else bounded.
 */
export const DEFAULT_QUOTAS = {
  instances: 10,
  cores: 20,
  ram: 51200,
  floating_ips: 10,
  fixed_ips: -1,
  metadata_items: 128,
  injected_files: 5,
  injected_file_content_bytes: 10240,
  injected_file_path_bytes: 255,
  key_pairs: 100,
  security_groups: 10,
  security_group_rules: 20,
  server_groups: 10,
  server_group_members: 10,
} as const;

export type QuotaResource = keyof typeof DEFAULT_QUOTAS;
export const QUOTA_RESOURCES = Object.keys(DEFAULT_QUOTAS) as QuotaResource[];

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

/**
 * Live usage of the resources this area owns (instances, cores, ram, server_groups), for
 * limits and for the other area's quota messages. Key pairs, security groups and rules are
 * counted by their owner (countKeypairs, countSecurityGroups).
 */
export function quotaUsage(db: Db, projectId: string, resource: 'instances' | 'cores' | 'ram' | 'server_groups'): number {
  if (resource === 'server_groups') return countServerGroups(db, projectId);
  return serverUsage(db, projectId)[resource];
}
