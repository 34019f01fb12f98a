import type { Db } from '../db/database.ts';
import { stmt } from '../db/statements.ts';

export interface ServerGroupRow {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  policy: string;
  metadata: string;
  created_at: string;
  seq: number;
}

export function getServerGroup(db: Db, projectId: string | undefined, id: string): ServerGroupRow | undefined {
  return (
    projectId
      ? stmt(db, 'SELECT * FROM server_groups WHERE id = ? AND project_id = ?').get(id, projectId)
      : stmt(db, 'SELECT * FROM server_groups WHERE id = ?').get(id)
  ) as ServerGroupRow | undefined;
}

export function listServerGroups(db: Db, projectId?: string): ServerGroupRow[] {
  return (
    projectId
      ? stmt(db, 'SELECT * FROM server_groups WHERE project_id = ? ORDER BY seq').all(projectId)
      : stmt(db, 'SELECT * FROM server_groups ORDER BY seq').all()
  ) as ServerGroupRow[];
}

/** The project's server groups, or those of one of its users. */
export function countServerGroups(db: Db, projectId: string, userId?: string): number {
  const row = userId
    ? stmt(db, 'SELECT COUNT(*) AS n FROM server_groups WHERE project_id = ? AND user_id = ?').get(projectId, userId)
    : stmt(db, 'SELECT COUNT(*) AS n FROM server_groups WHERE project_id = ?').get(projectId);
  return (row as { n: number }).n;
}

export function insertServerGroup(db: Db, row: Omit<ServerGroupRow, 'seq'>): void {
  const seq = ((stmt(db, 'SELECT MAX(seq) AS m FROM server_groups').get() as { m: number | null }).m ?? 0) + 1;
  stmt(db, 'INSERT INTO server_groups (id, project_id, user_id, name, policy, metadata, created_at, seq) VALUES (@id, @project_id, @user_id, @name, @policy, @metadata, @created_at, @seq)').run({
    ...row,
    seq,
  });
}

export function deleteServerGroup(db: Db, id: string): void {
  // Members stay (Nova deletes the group and its member records, not the servers).
  stmt(db, 'UPDATE servers SET group_id = NULL WHERE group_id = ?').run(id);
  stmt(db, 'DELETE FROM server_groups WHERE id = ?').run(id);
}

/** Member server ids of each group, in one query (deleted servers are no longer members). */
export function membersOfGroups(db: Db, groupIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(groupIds.map((g) => [g, []]));
  if (groupIds.length === 0) return out;
  const rows = stmt(db, 'SELECT id, group_id FROM servers WHERE deleted = 0 AND group_id IN (SELECT value FROM json_each(?)) ORDER BY seq').all(
    JSON.stringify(groupIds),
  ) as { id: string; group_id: string }[];
  for (const r of rows) out.get(r.group_id)?.push(r.id);
  return out;
}

/** Hosts already used by the group's live members: what (anti-)affinity schedules against. */
export function hostsOfGroup(db: Db, groupId: string): string[] {
  return (stmt(db, 'SELECT DISTINCT host FROM servers WHERE group_id = ? AND deleted = 0 AND host IS NOT NULL').all(groupId) as { host: string }[]).map(
    (r) => r.host,
  );
}
