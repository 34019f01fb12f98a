import type { RequestContext } from '../context.ts';
import { statusOf } from '../lifecycle/states.ts';
import type { DetailRows } from '../repositories/server-details.ts';
import type { ListedServer } from '../repositories/servers.ts';
import { PROGRESS_STATUSES, faultOf, featuresOf, instanceName, progressOf, showsSecurityGroups, type ViewOptions } from './servers.ts';

// GET /servers/detail of a thousand servers: building ~20 objects per server and then one
// JSON.stringify of them all cost more (allocation, GC, serialization) than writing the
// text directly. This writes exactly what JSON.stringify of views/servers.ts's detail view
// writes: the same keys in the same order, every value through JSON.stringify, objects
// whose key order V8 decides (metadata, addresses) still built as objects. The related rows
// come lean, as raw rows (repositories/server-details.ts).

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, and surrogates (lone ones). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify(v), with a shortcut for the common string that needs no escape. */
const q = (v: unknown): string => (typeof v === 'string' && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v));

/** addressesOf(ports, true) as JSON text, from the address rows of one server. */
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

/**
 * The hrefs of resourceLinks (self with the API prefix, bookmark without), and the variant:
 * everything besides the rows that a server's JSON depends on (featuresOf reads mv and role).
 */
export function detailBases(ctx: RequestContext): { selfBase: string; bookmarkBase: string; variant: string } {
  const selfBase = `${ctx.baseUrl}${ctx.apiPrefix}/`;
  const bookmarkBase = `${ctx.baseUrl}/${ctx.projectId}/`;
  return { selfBase, bookmarkBase, variant: `${ctx.mv.toString()}|${ctx.isAdmin}|${selfBase}|${bookmarkBase}` };
}

/** Writes the detail JSON of a server, from the related rows of its page. */
export function detailRenderer(
  { addresses, attachments, groups, tags }: DetailRows,
  o: ViewOptions,
  { selfBase, bookmarkBase }: { selfBase: string; bookmarkBase: string },
): (r: ListedServer) => string {
  const f = featuresOf(o.ctx);
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
    s += `,"key_name":${q(r.key_name)}`;
    const serverGroups = groups.get(r.id);
    if (showsSecurityGroups(r, serverGroups?.length ?? 0)) s += `,"security_groups":${groupsJson(serverGroups)}`;
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
