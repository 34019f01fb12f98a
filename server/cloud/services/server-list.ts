import { boolFromString, isTrue } from '../booleans.ts';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden } from '../errors.ts';
import { idFromRef } from '../ids.ts';
import { statusOf } from '../lifecycle/states.ts';
import { markerNotFound, pageLimit, paginate, type Query } from '../pagination.ts';
import { portsOfServers } from '../repositories/ports.ts';
import { detailRowsOf } from '../repositories/server-details.ts';
import { detailFragments } from '../repositories/server-list-cache.ts';
import { listServersPage, serversByIds, tagsOfServers, type ListPlace, type ListScope, type ListedServer } from '../repositories/servers.ts';
import { detailBases, detailRenderer } from '../views/server-detail-json.ts';
import { featuresOf, summaryView, type ViewOptions } from '../views/servers.ts';
import { nextLinks } from '../views/links.ts';

// GET /servers and /servers/detail (4.4, 4.5, 4.9, 4.10): Nova's filters, sorting and paging.

/** Nova's VALID_SORT_KEYS (schemas/servers.py) mapped to our columns. */
const SORT_COLUMNS: Record<string, keyof ListedServer> = {
  access_ip_v4: 'access_ipv4',
  access_ip_v6: 'access_ipv6',
  auto_disk_config: 'disk_config',
  availability_zone: 'availability_zone',
  config_drive: 'config_drive',
  created_at: 'created_at',
  display_description: 'description',
  display_name: 'name',
  host: 'host',
  hostname: 'hostname',
  image_ref: 'image_id',
  instance_type_id: 'flavor_id',
  kernel_id: 'image_id',
  key_name: 'key_name',
  launch_index: 'launch_index',
  launched_at: 'launched_at',
  locked_by: 'locked_by',
  node: 'node',
  power_state: 'power_state',
  progress: 'progress',
  project_id: 'project_id',
  ramdisk_id: 'image_id',
  root_device_name: 'root_device_name',
  task_state: 'task_state',
  terminated_at: 'terminated_at',
  updated_at: 'updated_at',
  user_id: 'user_id',
  uuid: 'id',
  vm_state: 'vm_state',
  // Nova's instances.id is its autoincrement key: our seq.
  id: 'seq',
};
/** Keys Nova accepts but ignores (SERVER_LIST_IGNORE_SORT_KEY, and host/node for non-admins). */
const IGNORED_SORT_KEYS = new Set([
  'architecture', 'cell_name', 'cleaned', 'default_ephemeral_device', 'default_swap_device', 'deleted', 'deleted_at',
  'disable_terminate', 'ephemeral_gb', 'ephemeral_key_uuid', 'key_data', 'launched_on', 'locked', 'memory_mb',
  'os_type', 'reservation_id', 'root_gb', 'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode',
]);

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v);

/** oslo's bool_from_string(strict=True) as Nova's is_all_tenants uses it ('' means true). */
function truthy(name: string, v: string): boolean {
  const b = v.trim() === '' ? true : boolFromString(v.trim());
  if (b === undefined) throw badRequest(`Invalid ${name} value: ${v}`);
  return b;
}

/** A user-given pattern as Nova's regexp filters take it; an invalid one matches literally. */
function pattern(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

export interface ServerPage {
  rows: ListedServer[];
  nextMarker: string | null;
}

/** A page is read in chunks of the list index: the first of the page's size, then larger ones while filters drop rows. */
const MAX_CHUNK = 4096;

export function findServers(db: Db, ctx: RequestContext, q: Query, detail: boolean): ServerPage {
  const admin = ctx.isAdmin;
  let allTenants = false;
  const at = one(q.all_tenants);
  if (at !== undefined) {
    allTenants = truthy('all_tenants', at);
    if (allTenants && !admin) {
      throw forbidden(`Policy doesn't allow os_compute_api:servers:${detail ? 'detail' : 'index'}:get_all_tenants to be performed.`);
    }
  }
  const status = one(q.status);
  if (status?.toUpperCase() === 'DELETED' && !admin) throw forbidden('Only administrators may list deleted instances');
  const changesSince = one(q['changes-since']);
  let since: string | undefined;
  if (changesSince !== undefined) {
    const t = Date.parse(changesSince);
    if (!/^\d{4}-\d{2}-\d{2}/.test(changesSince) || Number.isNaN(t)) throw badRequest('Invalid filter field: changes-since.');
    since = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  // Nova lists deleted servers only for changes-since, an admin's deleted=true, or status=DELETED.
  const deletedParam = admin ? one(q.deleted) : undefined;
  const wantDeleted = isTrue(deletedParam);
  const includeDeleted = since !== undefined || wantDeleted || status?.toUpperCase() === 'DELETED';
  const scope: ListScope = {
    projectId: allTenants ? (admin ? one(q.tenant_id) ?? one(q.project_id) : undefined) : ctx.projectId,
    deleted: wantDeleted ? 'deleted' : includeDeleted ? 'all' : 'live',
  };
  const keep = serverFilter(db, ctx, q, status, since);

  if (q.sort_key !== undefined || q.sort_dir !== undefined) {
    // Another order than the index's: the whole list, sorted here, as Nova's database sorts it.
    const rows = sortServers(keep(listServersPage(db, scope, undefined, -1)), q, admin);
    const { page, nextMarker } = paginate(rows, { limit: one(q.limit), marker: one(q.marker) }, (r) => r.id);
    return { rows: page, nextMarker };
  }
  return pageInOrder(db, scope, keep, pageLimit(one(q.limit)), one(q.marker));
}

/**
 * A page in Nova's default order (created_at, id descending), read from the list index
 * from the marker on, chunk by chunk through the filters until the page and one more
 * server are found: a page of 20 after a create costs the same among ten thousand servers
 * as among ten. The marker must be a server of the list (400 otherwise).
 */
function pageInOrder(db: Db, scope: ListScope, keep: Filter, limit: number, marker: string | undefined): ServerPage {
  let after: ListPlace | undefined;
  if (marker !== undefined) {
    const m = serversByIds(db, [marker])[0];
    const inScope =
      m !== undefined &&
      (!scope.projectId || m.project_id === scope.projectId) &&
      (scope.deleted === 'all' || m.deleted === (scope.deleted === 'deleted' ? 1 : 0));
    if (!inScope || keep([m]).length === 0) throw markerNotFound(marker);
    after = m;
  }
  const page: ListedServer[] = [];
  let more = false;
  for (let size = limit + 1; ; size = Math.min(size * 4, MAX_CHUNK)) {
    const chunk = listServersPage(db, scope, after, size);
    for (const r of keep(chunk)) {
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(r);
    }
    if (more || chunk.length < size) break;
    after = chunk[chunk.length - 1];
  }
  return { rows: page, nextMarker: more && page.length > 0 ? page[page.length - 1].id : null };
}

/** The servers of a chunk that pass the query's filters, in their order. */
type Filter = (rows: ListedServer[]) => ListedServer[];

function serverFilter(db: Db, ctx: RequestContext, q: Query, status: string | undefined, since: string | undefined): Filter {
  const tests: ((r: ListedServer) => boolean)[] = [];
  const image = one(q.image);
  if (image !== undefined) tests.push((r) => r.image_id === idFromRef(image));
  const flavor = one(q.flavor);
  if (flavor !== undefined) tests.push((r) => r.flavor_id === idFromRef(flavor));
  const name = one(q.name);
  if (name !== undefined) {
    const re = pattern(name);
    tests.push((r) => re.test(r.name));
  }
  if (status !== undefined) {
    const wanted = status.toUpperCase();
    tests.push((r) => statusOf(r.vm_state, r.task_state) === wanted);
  }
  if (since !== undefined) tests.push((r) => r.updated_at >= since);
  const az = one(q.availability_zone);
  if (az !== undefined) tests.push((r) => r.availability_zone.includes(az));
  const ip = one(q.ip);
  const ipRe = ip === undefined ? undefined : pattern(ip);
  const tags = ctx.mv.atLeast('2.26') ? tagFilter(q) : undefined;
  return (rows) => {
    let out = tests.length ? rows.filter((r) => tests.every((t) => t(r))) : rows;
    if (ipRe && out.length) {
      const ports = portsOfServers(db, out.map((r) => r.id));
      out = out.filter((r) => (ports.get(r.id) ?? []).some((p) => p.fixed_ips.some((f) => ipRe.test(f.ip_address))));
    }
    if (tags && out.length) {
      const had = tagsOfServers(db, out.map((r) => r.id));
      out = out.filter((r) => tags(new Set(had.get(r.id) ?? [])));
    }
    return out;
  };
}

/** The tag filters of 2.26 as one test of a server's tags; undefined when the query has none. */
function tagFilter(q: Query): ((has: Set<string>) => boolean) | undefined {
  const parse = (k: string) => {
    const v = one(q[k]);
    return v === undefined ? undefined : v.split(',').map((t) => t.trim()).filter(Boolean);
  };
  const all = parse('tags');
  const any = parse('tags-any');
  const notAll = parse('not-tags');
  const notAny = parse('not-tags-any');
  if (!all && !any && !notAll && !notAny) return undefined;
  return (has) => {
    if (all && !all.every((t) => has.has(t))) return false;
    if (any && !any.some((t) => has.has(t))) return false;
    if (notAll && notAll.length > 0 && notAll.every((t) => has.has(t))) return false;
    if (notAny && notAny.some((t) => has.has(t))) return false;
    return true;
  };
}

/** Nova's get_sort_params + process_sort_params: default created_at, id; default direction desc. */
function sortServers(rows: ListedServer[], q: Query, admin: boolean): ListedServer[] {
  const keys = list(q.sort_key);
  const dirs = list(q.sort_dir);
  for (const d of dirs) {
    if (d !== 'asc' && d !== 'desc') throw badRequest("Unknown sort direction, must be 'desc' or 'asc'");
  }
  const defaultDir = dirs[0] ?? 'desc';
  const spec: { col: keyof ListedServer; dir: number }[] = [];
  keys.forEach((k, i) => {
    if (!(k in SORT_COLUMNS) && !IGNORED_SORT_KEYS.has(k)) {
      throw badRequest(`Invalid input for query parameters sort_key. Value: ${k}. '${k}' is not one of [${Object.keys(SORT_COLUMNS).filter((x) => x !== 'id').map((x) => `'${x}'`).join(', ')}]`);
    }
    if (IGNORED_SORT_KEYS.has(k) || ((k === 'host' || k === 'node') && !admin)) return;
    spec.push({ col: SORT_COLUMNS[k], dir: (dirs[i] ?? defaultDir) === 'asc' ? 1 : -1 });
  });
  if (dirs.length > keys.length) throw badRequest('Sort direction size exceeds sort key size');
  for (const col of ['created_at', 'seq'] as const) {
    if (!spec.some((s) => s.col === col)) spec.push({ col, dir: defaultDir === 'asc' ? 1 : -1 });
  }
  return [...rows].sort((a, b) => {
    for (const { col, dir } of spec) {
      const x = a[col];
      const y = b[col];
      if (x === y) continue;
      // NULLs first ascending, as MySQL orders them.
      if (x === null) return -dir;
      if (y === null) return dir;
      return (x < y ? -1 : 1) * dir;
    }
    return 0;
  });
}

const COMMA = Buffer.from(',');

/**
 * The detail JSON of `rows` as UTF-8, between `head` and `tail`. Each server's JSON is kept
 * (repositories/server-list-cache.ts) until a write touches that server, so a list right
 * after a write renders, and reads the related rows of, only the servers that changed. They
 * are kept as bytes: the answer is then one copy of them, where joining strings and
 * encoding the result took ~3 ms more.
 */
function detailJson(db: Db, rows: ListedServer[], o: ViewOptions, head = '', tail = ''): Buffer {
  const bases = detailBases(o.ctx);
  const kept = detailFragments(db, bases.variant);
  const missing = kept ? rows.filter((r) => !kept.has(r.id)) : rows;
  const render = missing.length
    ? detailRenderer(detailRowsOf(db, missing.map((r) => r.id), featuresOf(o.ctx).tags), o, bases)
    : undefined;
  const parts: Buffer[] = [Buffer.from(`${head}[`)];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let b = kept?.get(r.id);
    if (b === undefined) {
      b = Buffer.from(render!(r));
      // A task in flight shows progress that moves with the clock.
      if (kept && r.task_state === null) kept.set(r.id, b);
    }
    if (i > 0) parts.push(COMMA);
    parts.push(b);
  }
  parts.push(Buffer.from(`]${tail}`));
  return Buffer.concat(parts);
}

/**
 * One page of GET /servers (summaries) or /servers/detail, as UTF-8 bytes, with the next
 * link; `cacheable` when no server on it is in a transition (progress moves with the clock).
 */
export function serverListAnswer(db: Db, o: ViewOptions, query: Query, detail: boolean): { body: Buffer; cacheable: boolean } {
  const { rows, nextMarker } = findServers(db, o.ctx, query, detail);
  const links = nextLinks(o.ctx, detail ? 'servers/detail' : 'servers', query, nextMarker);
  const tail = `${links.length ? `,"servers_links":${JSON.stringify(links)}` : ''}}`;
  return {
    body: detail ? detailJson(db, rows, o, '{"servers":', tail) : Buffer.from(`{"servers":${JSON.stringify(summaryView(rows, o.ctx))}${tail}`),
    cacheable: !detail || rows.every((r) => r.task_state === null),
  };
}
