import type { Db } from '../db/database.ts';
import { rawStmt, stmt } from '../db/statements.ts';

/** A row of `servers` (see db/migrations/003-compute.ts). */
export interface ServerRow {
  id: string;
  seq: number;
  project_id: string;
  user_id: string;
  name: string;
  description: string | null;
  image_id: string | null;
  flavor_id: string;
  vcpus: number;
  memory_mb: number;
  old_flavor_id: string | null;
  key_name: string | null;
  availability_zone: string;
  host: string | null;
  node: string | null;
  hostname: string;
  reservation_id: string;
  launch_index: number;
  root_device_name: string | null;
  user_data: string | null;
  config_drive: string;
  disk_config: string;
  access_ipv4: string;
  access_ipv6: string;
  metadata: string;
  personality: string;
  vm_state: string;
  task_state: string | null;
  power_state: number;
  progress: number;
  locked_by: string | null;
  task_started_at: number | null;
  due_at: number | null;
  task_payload: string | null;
  fault: string | null;
  password: string;
  pending_password: string | null;
  group_id: string | null;
  created_at: string;
  updated_at: string;
  launched_at: string | null;
  terminated_at: string | null;
  deleted: number;
  deleted_at: string | null;
}

/** A server of the project that is not deleted (the contract the resources area uses). */
export function getServer(db: Db, projectId: string, id: string): ServerRow | undefined {
  return stmt(db, 'SELECT * FROM servers WHERE id = ? AND project_id = ? AND deleted = 0').get(id, projectId) as
    | ServerRow
    | undefined;
}

/** A server whatever its state, deleted included; undefined when there is none of that id. */
export function getServerEvenDeleted(db: Db, id: string): ServerRow | undefined {
  return stmt(db, 'SELECT * FROM servers WHERE id = ?').get(id) as ServerRow | undefined;
}

/** A server row whatever its state (a write reads back what it wrote). */
export function serverById(db: Db, id: string): ServerRow {
  return stmt(db, 'SELECT * FROM servers WHERE id = ?').get(id) as ServerRow;
}

/** Any project's server that is not deleted: admins reach every server by id, as in Nova. */
export function getServerAnyProject(db: Db, id: string): ServerRow | undefined {
  return stmt(db, 'SELECT * FROM servers WHERE id = ? AND deleted = 0').get(id) as ServerRow | undefined;
}

/** What lists read: every column a view, filter or sort uses, none of the bulky private ones. */
export type ListedServer = Omit<ServerRow, 'personality' | 'task_payload' | 'password' | 'pending_password'>;
const LISTED = [
  'id', 'seq', 'project_id', 'user_id', 'name', 'description', 'image_id', 'flavor_id', 'vcpus', 'memory_mb', 'old_flavor_id',
  'key_name', 'availability_zone', 'host', 'node', 'hostname', 'reservation_id', 'launch_index', 'root_device_name', 'user_data',
  'config_drive', 'disk_config', 'access_ipv4', 'access_ipv6', 'metadata', 'vm_state', 'task_state', 'power_state', 'progress',
  'locked_by', 'task_started_at', 'due_at', 'fault', 'group_id', 'created_at', 'updated_at', 'launched_at', 'terminated_at',
  'deleted', 'deleted_at',
] as const satisfies readonly (keyof ListedServer)[];
const LISTED_COLUMNS = LISTED.join(', ');
/**
 * Builds a row object from a raw row (an array). better-sqlite3 makes objects through V8's
 * C++ API, about twice as slow as a JS object literal of fixed shape; lists of a thousand
 * servers read raw rows and build them with this literal, generated once from LISTED.
 */
const toListed = new Function('a', `return {${LISTED.map((c, i) => `${c}: a[${i}]`).join(', ')}};`) as (a: unknown[]) => ListedServer;

/** Which servers a list reads: a project's (or every project's), live, deleted, or both. */
export interface ListScope {
  projectId?: string;
  deleted: 'live' | 'deleted' | 'all';
}
/** A place in Nova's default order of servers: newest first, by created_at then seq. */
export type ListPlace = Pick<ServerRow, 'created_at' | 'seq'>;

/**
 * Up to `limit` servers of the scope (all of them for -1) in Nova's default order, after
 * `after`: a range of the list indexes (migration 005), so a page costs what its rows
 * cost, however many servers the project has.
 */
export function listServersPage(db: Db, scope: ListScope, after: ListPlace | undefined, limit: number): ListedServer[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (scope.projectId) {
    where.push('project_id = ?');
    args.push(scope.projectId);
  }
  if (scope.deleted !== 'all') where.push(`deleted = ${scope.deleted === 'deleted' ? 1 : 0}`);
  if (after) {
    where.push('(created_at, seq) < (?, ?)');
    args.push(after.created_at, after.seq);
  }
  // SQLite writes the page as one JSON text of row arrays: one value crosses into JS
  // instead of forty per server, and V8's JSON.parse builds the arrays faster than the
  // driver builds its values one by one. Columns are TEXT and INTEGER: the round trip is exact.
  const sql =
    `SELECT json_group_array(json_array(${LISTED_COLUMNS}) ORDER BY created_at DESC, seq DESC) FROM (` +
    `SELECT ${LISTED_COLUMNS} FROM servers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, seq DESC LIMIT ?)`;
  return (JSON.parse((rawStmt(db, sql).get(...args, limit) as [string])[0]) as unknown[][]).map(toListed);
}

/** The listed columns of the given servers, deleted or not, in no particular order. */
export function serversByIds(db: Db, ids: string[]): ListedServer[] {
  if (ids.length === 0) return [];
  const sql = `SELECT json_group_array(json_array(${LISTED_COLUMNS})) FROM servers WHERE id IN (SELECT value FROM json_each(?))`;
  return (JSON.parse((rawStmt(db, sql).get(JSON.stringify(ids)) as [string])[0]) as unknown[][]).map(toListed);
}

export function nextServerSeq(db: Db): number {
  return ((stmt(db, 'SELECT MAX(seq) AS m FROM servers').get() as { m: number | null }).m ?? 0) + 1;
}

const COLUMNS = [
  'id', 'seq', 'project_id', 'user_id', 'name', 'description', 'image_id', 'flavor_id', 'vcpus', 'memory_mb',
  'old_flavor_id', 'key_name', 'availability_zone', 'host', 'node', 'hostname', 'reservation_id', 'launch_index',
  'root_device_name', 'user_data', 'config_drive', 'disk_config', 'access_ipv4', 'access_ipv6', 'metadata',
  'personality', 'vm_state', 'task_state', 'power_state', 'progress', 'locked_by', 'task_started_at', 'due_at',
  'task_payload', 'fault', 'password', 'pending_password', 'group_id', 'created_at', 'updated_at', 'launched_at',
  'terminated_at', 'deleted', 'deleted_at',
] as const satisfies readonly (keyof ServerRow)[];

export function insertServer(db: Db, row: ServerRow): void {
  stmt(db, `INSERT INTO servers (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** Updates the given columns of one server; `updated_at` moves with every change, as in Nova. */
export function updateServer(db: Db, id: string, changes: Partial<ServerRow>, updatedAt: string): void {
  const cols = Object.keys(changes).filter((k) => k !== 'updated_at' && k !== 'id');
  const sets = [...cols.map((c) => `${c} = @${c}`), 'updated_at = @updated_at'];
  stmt(db, `UPDATE servers SET ${sets.join(', ')} WHERE id = @id`).run({ ...changes, updated_at: updatedAt, id });
}

export function metadataOf(row: Pick<ServerRow, 'metadata'>): Record<string, string> {
  return JSON.parse(row.metadata) as Record<string, string>;
}

export function tagsOfServers(db: Db, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  // One query however long the page: json_each binds the whole id list as one parameter.
  const rows = stmt(db, 'SELECT server_id, tag FROM server_tags WHERE server_id IN (SELECT value FROM json_each(?)) ORDER BY server_id, tag').all(
    JSON.stringify(ids),
  ) as { server_id: string; tag: string }[];
  for (const r of rows) {
    const list = out.get(r.server_id);
    if (list) list.push(r.tag);
    else out.set(r.server_id, [r.tag]);
  }
  return out;
}

export function tagsOf(db: Db, id: string): string[] {
  return (stmt(db, 'SELECT tag FROM server_tags WHERE server_id = ? ORDER BY tag').all(id) as { tag: string }[]).map((r) => r.tag);
}

export function replaceTags(db: Db, id: string, tags: string[]): void {
  stmt(db, 'DELETE FROM server_tags WHERE server_id = ?').run(id);
  const ins = stmt(db, 'INSERT OR IGNORE INTO server_tags (server_id, tag) VALUES (?, ?)');
  for (const t of tags) ins.run(id, t);
}

export function addTag(db: Db, id: string, tag: string): boolean {
  return stmt(db, 'INSERT OR IGNORE INTO server_tags (server_id, tag) VALUES (?, ?)').run(id, tag).changes > 0;
}

export function deleteTag(db: Db, id: string, tag: string): boolean {
  return stmt(db, 'DELETE FROM server_tags WHERE server_id = ? AND tag = ?').run(id, tag).changes > 0;
}

/** How many live servers each host runs: what placement balances (kept by triggers, migration 005). */
export function serversPerHost(db: Db): Map<string, number> {
  const rows = stmt(db, 'SELECT host, servers AS n FROM host_load WHERE servers > 0').all() as { host: string; n: number }[];
  return new Map(rows.map((r) => [r.host, r.n]));
}

/** Servers whose transition step is due, oldest first. */
export function dueServers(db: Db, nowMs: number): ServerRow[] {
  return stmt(db, 'SELECT * FROM servers WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, seq LIMIT 500').all(nowMs) as ServerRow[];
}

/** The earliest due time of a server in transition, or null. */
export function nextServerDue(db: Db): number | null {
  return (stmt(db, 'SELECT MIN(due_at) AS d FROM servers WHERE due_at IS NOT NULL').get() as { d: number | null }).d;
}

/**
 * Live usage of the resources a server counts against: Nova counts every non-deleted
 * instance. Read from the counters the triggers of migration 005 keep, one row per user.
 */
export function serverUsage(db: Db, projectId: string, userId?: string): { instances: number; cores: number; ram: number } {
  const sql = userId
    ? 'SELECT COALESCE(SUM(instances), 0) AS n, COALESCE(SUM(cores), 0) AS c, COALESCE(SUM(ram), 0) AS r FROM server_usage WHERE project_id = ? AND user_id = ?'
    : 'SELECT COALESCE(SUM(instances), 0) AS n, COALESCE(SUM(cores), 0) AS c, COALESCE(SUM(ram), 0) AS r FROM server_usage WHERE project_id = ?';
  const r = (userId ? stmt(db, sql).get(projectId, userId) : stmt(db, sql).get(projectId)) as { n: number; c: number; r: number };
  return { instances: r.n, cores: r.c, ram: r.r };
}
