import { createHash } from 'node:crypto';
import type { RequestContext } from '../context.ts';
import { statusOf } from '../lifecycle/states.ts';
import type { Port } from '../repositories/ports.ts';
import type { ListedServer } from '../repositories/servers.ts';
import type { Attachment } from '../repositories/volumes.ts';
import { resourceLinks, type Link } from './links.ts';

// Nova's server views (nova/api/openstack/compute/views/servers.py): the summary of list,
// the detail of show/detail, and the basic view that update and rebuild answer with. The
// related rows come from the caller (services/servers.ts reads them in one query per table).

type Json = Record<string, unknown>;

/** Statuses that show `progress` (ViewBuilder._progress_statuses). */
export const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
/** Statuses that show `fault` (ViewBuilder._fault_statuses). */
const FAULT_STATUSES = new Set(['ERROR', 'DELETED']);

/** What a server view depends on besides the rows: the request, and the clock for progress. */
export interface ViewOptions {
  ctx: RequestContext;
  /** Clock for progress of transitions in flight. */
  nowMs: number;
  transitionMs: number;
}

/** Nova's hostId: sha224(project_id + host), so tenants cannot learn host names. */
function hostIdOf(projectId: string, host: string | null): string {
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
export interface Features {
  locked: boolean;
  description: boolean;
  tags: boolean;
  v23: boolean;
  hostStatus: boolean;
  admin: boolean;
  hostId: (projectId: string, host: string | null) => string;
}
export const featuresOf = (ctx: RequestContext): Features => ({
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

export function faultOf(r: ListedServer, status: string, isAdmin: boolean): Json | undefined {
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
  const groups = uniqueNames(d.groups);
  if (showsSecurityGroups(r, groups.length)) v.security_groups = groups;
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

export const instanceName = (seq: number) => `instance-${seq.toString(16).padStart(8, '0')}`;

/**
 * Whether a server's detail shows `security_groups`. Nova reads them from the server's
 * Neutron ports and shows the key only when it finds some: not while a build has not yet
 * made the ports (before its spawning step), not when the server has no group left (a
 * deleted one, or the last group removed).
 */
export function showsSecurityGroups(r: Pick<ListedServer, 'vm_state' | 'task_state'>, groupCount: number): boolean {
  return groupCount > 0 && !(r.vm_state === 'building' && r.task_state !== 'spawning');
}

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

/** The related rows a server's view shows (read in one query per table for a whole page). */
export interface ServerRelated {
  ports?: Port[];
  tags?: string[];
  /** The detail view's only. */
  groups?: { name: string }[];
  attachments?: Attachment[];
}

/** The server views of one request, with its microversion's switches decided once. */
export function serverViews(o: ViewOptions) {
  const f = featuresOf(o.ctx);
  const links = new Links(o.ctx);
  return {
    /** Whether the views show tags (from 2.26), so the caller reads them. */
    tags: f.tags,
    /** show, list detail */
    detail: (r: ListedServer, x: ServerRelated) =>
      serverView(r, links, o, f, { ports: x.ports, tags: x.tags, detail: { groups: x.groups, attachments: x.attachments } }),
    /** update, rebuild */
    basic: (r: ListedServer, x: ServerRelated) => serverView(r, links, o, f, { ports: x.ports, tags: x.tags }),
  };
}
