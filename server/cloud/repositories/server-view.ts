import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { RequestContext } from '../context.ts';
import { statusOf } from '../lifecycle/states.ts';
import { resourceLinks, type Link } from '../views/links.ts';
import { attachmentsOfServers, type Attachment } from './volumes.ts';
import { portsOfServers, type Port } from './ports.ts';
import { detailFragments } from './server-list-cache.ts';
import { securityGroupsOfServers } from './security-groups.ts';
import { tagsOfServers, type ListedServer } from './servers.ts';
import { rawStmt } from '../db/statements.ts';

// Nova's server views (nova/api/openstack/compute/views/servers.py): the summary of list,
// the detail of show/detail, and the basic view that update and rebuild answer with.
// Everything a page needs is read in one batched query per table, never per server.

type Json = Record<string, unknown>;

/** Statuses that show `progress` (ViewBuilder._progress_statuses). */
const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
/** Statuses that show `fault` (ViewBuilder._fault_statuses). */
const FAULT_STATUSES = new Set(['ERROR', 'DELETED']);

export interface ViewOptions {
  ctx: RequestContext;
  /** Clock for progress of transitions in flight. */
  nowMs: number;
  transitionMs: number;
}

/** Nova's hostId: sha224(project_id + host), so tenants cannot learn host names. */
export function hostIdOf(projectId: string, host: string | null): string {
  return host ? createHash('sha224').update(projectId + host).digest('hex') : '';
}

/** hostIdOf for a page: a handful of hosts serve a thousand servers, so hash each pair once. */
function hostIds(): (projectId: string, host: string | null) => string {
  const memo = new Map<string, string>();
  return (projectId, host) => {
    if (!host) return '';
    const key = `${projectId}\u0000${host}`;
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = hostIdOf(projectId, host)));
    return v;
  };
}

/** The microversion switches of a request, decided once per request rather than per server. */
interface Features {
  locked: boolean;
  description: boolean;
  tags: boolean;
  v23: boolean;
  hostStatus: boolean;
  admin: boolean;
  hostId: (projectId: string, host: string | null) => string;
}
const featuresOf = (ctx: RequestContext): Features => ({
  locked: ctx.mv.atLeast('2.9'),
  description: ctx.mv.atLeast('2.19'),
  tags: ctx.mv.atLeast('2.26'),
  v23: ctx.mv.atLeast('2.3'),
  hostStatus: ctx.mv.atLeast('2.16'),
  admin: ctx.isAdmin,
  hostId: hostIds(),
});

/** Link rules of routes/links.ts: servers get self + bookmark, images and flavors a bookmark. */
class Links {
  constructor(private readonly ctx: RequestContext) {}
  server(id: string): Link[] {
    return resourceLinks(this.ctx, 'servers', id);
  }
  bookmarkOnly(kind: string, id: string): Link[] {
    return [resourceLinks(this.ctx, kind, id)[1]];
  }
}

export function summaryView(rows: ListedServer[], ctx: RequestContext): Json[] {
  const links = new Links(ctx);
  return rows.map((r) => ({ id: r.id, links: links.server(r.id), name: r.name }));
}

/** Progress of a transition in flight: the share of its time spent, never 100 before the end. */
export function progressOf(r: ListedServer, nowMs: number, transitionMs: number): number {
  if (r.task_started_at === null || r.due_at === null || r.task_state === null) return r.progress;
  const span = Math.max(1, transitionMs);
  return Math.max(0, Math.min(99, Math.floor(((nowMs - r.task_started_at) / span) * 100)));
}

function faultOf(r: ListedServer, status: string, isAdmin: boolean): Json | undefined {
  if (!r.fault || !FAULT_STATUSES.has(status)) return undefined;
  const f = JSON.parse(r.fault) as { code: number; message: string; details?: string; created: string };
  // Nova shows details to admins, or to anyone when the fault is not a 500.
  const showDetails = isAdmin || f.code !== 500;
  return { code: f.code, created: f.created, message: f.message, ...(showDetails && f.details ? { details: f.details } : {}) };
}

/** A server's addresses by network label (also 9.1's answer); `extended` adds type and MAC. */
export function addressesOf(ports: Port[] | undefined, extended = false): Record<string, Json[]> {
  const out: Record<string, Json[]> = {};
  if (!ports) return out;
  for (const p of ports) {
    const list = (out[p.network_label] ??= []);
    for (const ip of p.fixed_ips) {
      const version = ip.ip_address.includes(':') ? 6 : 4;
      list.push(
        extended
          ? { version, addr: ip.ip_address, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': p.mac_addr }
          : { version, addr: ip.ip_address },
      );
    }
  }
  return out;
}

/**
 * One server's view: the basic view that update and rebuild answer, plus, with `detail`,
 * the extension fields of show and list detail. Plain objects handed to one
 * JSON.stringify per answer: V8 serializes them faster than hand-written JSON text.
 */
function serverView(
  r: ListedServer,
  links: Links,
  o: ViewOptions,
  f: Features,
  extra: { ports?: Port[]; tags?: string[]; detail?: { groups?: { name: string }[]; attachments?: Attachment[] } },
): Json {
  const status = statusOf(r.vm_state, r.task_state);
  const d = extra.detail;
  const v: Json = {
    id: r.id,
    name: r.name,
    status,
    tenant_id: r.project_id,
    user_id: r.user_id,
    metadata: r.metadata === '{}' ? {} : JSON.parse(r.metadata),
    hostId: f.hostId(r.project_id, r.host),
    image: r.image_id ? { id: r.image_id, links: links.bookmarkOnly('images', r.image_id) } : '',
    flavor: { id: r.flavor_id, links: links.bookmarkOnly('flavors', r.flavor_id) },
    created: r.created_at,
    updated: r.updated_at,
    addresses: addressesOf(extra.ports, !!d),
    accessIPv4: r.access_ipv4,
    accessIPv6: r.access_ipv6,
    links: links.server(r.id),
    'OS-DCF:diskConfig': r.disk_config,
  };
  if (PROGRESS_STATUSES.has(status)) v.progress = progressOf(r, o.nowMs, o.transitionMs);
  if (r.fault) {
    const fault = faultOf(r, status, f.admin);
    if (fault) v.fault = fault;
  }
  if (f.locked) v.locked = r.locked_by !== null;
  if (f.description) v.description = r.description;
  if (f.tags) v.tags = extra.tags ?? [];
  if (!d) return v;
  v.key_name = r.key_name;
  v.security_groups = uniqueNames(d.groups);
  v['OS-EXT-AZ:availability_zone'] = r.availability_zone;
  v.config_drive = r.config_drive;
  v['OS-EXT-STS:task_state'] = r.task_state;
  v['OS-EXT-STS:vm_state'] = r.vm_state;
  v['OS-EXT-STS:power_state'] = r.power_state;
  v['OS-SRV-USG:launched_at'] = r.launched_at;
  v['OS-SRV-USG:terminated_at'] = r.terminated_at;
  v['os-extended-volumes:volumes_attached'] = volumesAttached(d.attachments, f.v23);
  // Nova's extended server attributes are admin-only under its default policy.
  if (f.admin) {
    v['OS-EXT-SRV-ATTR:host'] = r.host;
    v['OS-EXT-SRV-ATTR:instance_name'] = instanceName(r.seq);
    v['OS-EXT-SRV-ATTR:hypervisor_hostname'] = r.node;
    if (f.v23) {
      v['OS-EXT-SRV-ATTR:hostname'] = r.hostname;
      v['OS-EXT-SRV-ATTR:reservation_id'] = r.reservation_id;
      v['OS-EXT-SRV-ATTR:launch_index'] = r.launch_index;
      v['OS-EXT-SRV-ATTR:kernel_id'] = '';
      v['OS-EXT-SRV-ATTR:ramdisk_id'] = '';
      v['OS-EXT-SRV-ATTR:root_device_name'] = r.root_device_name;
      v['OS-EXT-SRV-ATTR:user_data'] = r.user_data;
    }
    if (f.hostStatus) v.host_status = r.host ? (r.deleted ? 'UNKNOWN' : 'UP') : '';
  }
  return v;
}

/** The detail view of many servers, with one query each for ports, volumes, groups and tags. */
export function detailView(db: Db, rows: ListedServer[], o: ViewOptions): Json[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ports = portsOfServers(db, ids);
  const attachments = attachmentsOfServers(db, ids);
  const groups = securityGroupsOfServers(db, ids);
  const f = featuresOf(o.ctx);
  const tags = f.tags ? tagsOfServers(db, ids) : undefined;
  const links = new Links(o.ctx);
  return rows.map((r) =>
    serverView(r, links, o, f, { ports: ports.get(r.id), tags: tags?.get(r.id), detail: { groups: groups.get(r.id), attachments: attachments.get(r.id) } }),
  );
}

/** The basic view of one server (PUT /servers/{id}, rebuild). */
export function basicView(db: Db, r: ListedServer, o: ViewOptions): Json {
  const f = featuresOf(o.ctx);
  const ports = portsOfServers(db, [r.id]).get(r.id);
  const tags = f.tags ? tagsOfServers(db, [r.id]).get(r.id) : undefined;
  return serverView(r, new Links(o.ctx), o, f, { ports, tags });
}

export const instanceName = (seq: number) => `instance-${seq.toString(16).padStart(8, '0')}`;

function uniqueNames(groups: { name: string }[] | undefined): { name: string }[] {
  if (!groups) return [];
  const seen = new Set<string>();
  const out: { name: string }[] = [];
  for (const g of groups) {
    if (seen.has(g.name)) continue;
    seen.add(g.name);
    out.push({ name: g.name });
  }
  return out;
}

function volumesAttached(list: Attachment[] | undefined, withDelete: boolean): Json[] {
  if (!list) return [];
  return list.map((a) =>
    withDelete ? { id: a.volumeId, delete_on_termination: a.deleteOnTermination } : { id: a.volumeId },
  );
}

// ---- The detail list as JSON text ----
//
// GET /servers/detail of a thousand servers: building ~20 objects per server and then one
// JSON.stringify of them all cost more (allocation, GC, serialization) than writing the
// text directly. detailJson writes exactly what JSON.stringify(detailView(...)) writes:
// the same keys in the same order, every value through JSON.stringify, objects whose key
// order V8 decides (metadata, addresses) still built as objects. The related rows are read
// lean: raw rows of only the columns the view shows, with statements compiled once.

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, and surrogates (lone ones). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify(v), with a shortcut for the common string that needs no escape. */
const q = (v: unknown): string => (typeof v === 'string' && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v));

/** server_id, network label, MAC and address of every port of the servers, in attach order. */
function addressRowsOf(db: Db, idsJson: string): unknown[][] {
  return jsonRows(db, 'p.server_id, n.label, p.mac_addr, p.ip_address', 'p.seq', 'ports p JOIN networks n ON n.id = p.network_id', 'p.server_id', idsJson);
}

/**
 * Rows of `columns` for the servers of `idsJson`, ordered, as arrays: SQLite writes them as
 * one JSON text (one value into JS, not one per column per row; see listServers).
 */
function jsonRows(db: Db, columns: string, orderBy: string, from: string, serverColumn: string, idsJson: string): unknown[][] {
  const sql = `SELECT json_group_array(json_array(${columns}) ORDER BY ${orderBy}) FROM ${from} WHERE ${serverColumn} IN (SELECT value FROM json_each(?))`;
  return JSON.parse((rawStmt(db, sql).get(idsJson) as [string])[0]) as unknown[][];
}

/** Groups raw rows by their first column (a server id), keeping their order. */
function byServer(rows: unknown[][]): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const r of rows) {
    const id = r[0] as string;
    const list = out.get(id);
    if (list) list.push(r);
    else out.set(id, [r]);
  }
  return out;
}

/** addressesOf(ports, true) as JSON text, from addressRowsOf's rows of one server. */
function addressesJson(rows: unknown[][] | undefined): string {
  if (!rows) return '{}';
  // An object, as addressesOf builds it, so that labels take the order V8 gives its keys.
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    const ip = r[3] as string;
    (out[r[1] as string] ??= []).push(
      `{"version":${ip.includes(':') ? 6 : 4},"addr":${q(ip)},"OS-EXT-IPS:type":"fixed","OS-EXT-IPS-MAC:mac_addr":${q(r[2])}}`,
    );
  }
  let s = '{';
  let first = true;
  for (const label of Object.keys(out)) {
    s += `${first ? '' : ','}${q(label)}:[${out[label].join(',')}]`;
    first = false;
  }
  return `${s}}`;
}

const COMMA = Buffer.from(',');

/**
 * JSON.stringify(detailView(db, rows, o)) as UTF-8, between `head` and `tail`: the answer
 * of GET /servers/detail, ready to send. Each server's JSON is kept (server-list-cache.ts)
 * until a write touches that server, so a list right after a write renders, and reads the
 * related rows of, only the servers that changed. They are kept as bytes: the answer is
 * then one copy of them, where joining strings and encoding the result took ~3 ms more.
 */
export function detailJson(db: Db, rows: ListedServer[], o: ViewOptions, head = '', tail = ''): Buffer {
  const ctx = o.ctx;
  // The hrefs of resourceLinks: self with the API prefix, bookmark without.
  const selfBase = `${ctx.baseUrl}${ctx.apiPrefix}/`;
  const bookmarkBase = `${ctx.baseUrl}/${ctx.projectId}/`;
  // Everything besides the rows that a server's JSON depends on (featuresOf reads mv and role).
  const kept = detailFragments(db, `${ctx.mv.toString()}|${ctx.isAdmin}|${selfBase}|${bookmarkBase}`);
  const missing = kept ? rows.filter((r) => !kept.has(r.id)) : rows;
  const render = missing.length ? detailRenderer(db, missing, o, selfBase, bookmarkBase) : undefined;
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

/** Writes the detail JSON of any of `rows`, their related rows read in one batched query per table. */
function detailRenderer(db: Db, rows: ListedServer[], o: ViewOptions, selfBase: string, bookmarkBase: string): (r: ListedServer) => string {
  const idsJson = q(rows.map((r) => r.id));
  const addresses = byServer(addressRowsOf(db, idsJson));
  const attachments = byServer(jsonRows(db, 'server_id, volume_id, delete_on_termination', 'seq', 'volume_attachments', 'server_id', idsJson));
  const groups = byServer(
    jsonRows(db, 's.server_id, g.name', 'g.seq', 'server_security_groups s JOIN security_groups g ON g.id = s.group_id', 's.server_id', idsJson),
  );
  const f = featuresOf(o.ctx);
  const tags = f.tags ? byServer(jsonRows(db, 'server_id, tag', 'server_id, tag', 'server_tags', 'server_id', idsJson)) : undefined;
  const bookmark = (kind: string, id: string) => `[{"rel":"bookmark","href":${q(`${bookmarkBase}${kind}/${id}`)}}]`;
  // A thousand servers share a flavor or two and a few images: their links once each.
  const flavorLinks = new Map<string, string>();
  const imageLinks = new Map<string, string>();
  return (r) => {
    const status = statusOf(r.vm_state, r.task_state);
    let image = '""';
    if (r.image_id) {
      image = imageLinks.get(r.image_id) ?? '';
      if (!image) imageLinks.set(r.image_id, (image = `{"id":${q(r.image_id)},"links":${bookmark('images', r.image_id)}}`));
    }
    let flavor = flavorLinks.get(r.flavor_id);
    if (flavor === undefined) flavorLinks.set(r.flavor_id, (flavor = `{"id":${q(r.flavor_id)},"links":${bookmark('flavors', r.flavor_id)}}`));
    let s =
      `{"id":${q(r.id)},"name":${q(r.name)},"status":${q(status)},"tenant_id":${q(r.project_id)},"user_id":${q(r.user_id)}` +
      `,"metadata":${r.metadata === '{}' ? '{}' : q(JSON.parse(r.metadata))},"hostId":${q(f.hostId(r.project_id, r.host))}` +
      `,"image":${image},"flavor":${flavor},"created":${q(r.created_at)},"updated":${q(r.updated_at)}` +
      `,"addresses":${addressesJson(addresses.get(r.id))},"accessIPv4":${q(r.access_ipv4)},"accessIPv6":${q(r.access_ipv6)}` +
      `,"links":[{"rel":"self","href":${q(`${selfBase}servers/${r.id}`)}},{"rel":"bookmark","href":${q(`${bookmarkBase}servers/${r.id}`)}}]` +
      `,"OS-DCF:diskConfig":${q(r.disk_config)}`;
    if (PROGRESS_STATUSES.has(status)) s += `,"progress":${q(progressOf(r, o.nowMs, o.transitionMs))}`;
    if (r.fault) {
      const fault = faultOf(r, status, f.admin);
      if (fault) s += `,"fault":${q(fault)}`;
    }
    if (f.locked) s += `,"locked":${r.locked_by !== null}`;
    if (f.description) s += `,"description":${q(r.description)}`;
    if (tags) {
      const t = tags.get(r.id);
      s += `,"tags":${t ? q(t.map((x) => x[1])) : '[]'}`;
    }
    s += `,"key_name":${q(r.key_name)},"security_groups":${groupsJson(groups.get(r.id))}`;
    s +=
      `,"OS-EXT-AZ:availability_zone":${q(r.availability_zone)},"config_drive":${q(r.config_drive)}` +
      `,"OS-EXT-STS:task_state":${q(r.task_state)},"OS-EXT-STS:vm_state":${q(r.vm_state)},"OS-EXT-STS:power_state":${q(r.power_state)}` +
      `,"OS-SRV-USG:launched_at":${q(r.launched_at)},"OS-SRV-USG:terminated_at":${q(r.terminated_at)}` +
      `,"os-extended-volumes:volumes_attached":${attachedJson(attachments.get(r.id), f.v23)}`;
    if (f.admin) {
      s +=
        `,"OS-EXT-SRV-ATTR:host":${q(r.host)},"OS-EXT-SRV-ATTR:instance_name":${q(instanceName(r.seq))}` +
        `,"OS-EXT-SRV-ATTR:hypervisor_hostname":${q(r.node)}`;
      if (f.v23) {
        s +=
          `,"OS-EXT-SRV-ATTR:hostname":${q(r.hostname)},"OS-EXT-SRV-ATTR:reservation_id":${q(r.reservation_id)}` +
          `,"OS-EXT-SRV-ATTR:launch_index":${q(r.launch_index)},"OS-EXT-SRV-ATTR:kernel_id":"","OS-EXT-SRV-ATTR:ramdisk_id":""` +
          `,"OS-EXT-SRV-ATTR:root_device_name":${q(r.root_device_name)},"OS-EXT-SRV-ATTR:user_data":${q(r.user_data)}`;
      }
      if (f.hostStatus) s += `,"host_status":${q(r.host ? (r.deleted ? 'UNKNOWN' : 'UP') : '')}`;
    }
    return `${s}}`;
  };
}

/** uniqueNames as JSON text, from rows [server_id, name]. */
function groupsJson(rows: unknown[][] | undefined): string {
  if (!rows) return '[]';
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of rows) {
    const name = r[1] as string;
    if (seen.has(name)) continue;
    seen.add(name);
    parts.push(`{"name":${q(name)}}`);
  }
  return `[${parts.join(',')}]`;
}

/** volumesAttached as JSON text, from rows [server_id, volume_id, delete_on_termination]. */
function attachedJson(rows: unknown[][] | undefined, withDelete: boolean): string {
  if (!rows) return '[]';
  return `[${rows.map((a) => (withDelete ? `{"id":${q(a[1])},"delete_on_termination":${a[2] === 1}}` : `{"id":${q(a[1])}}`)).join(',')}]`;
}
