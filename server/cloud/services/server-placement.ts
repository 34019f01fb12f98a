import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden } from '../errors.ts';
import { listAvailabilityZones } from '../repositories/availability-zones.ts';
import { hostsOfGroup } from '../repositories/server-groups.ts';
import { serversPerHost } from '../repositories/servers.ts';
import { getVolume } from '../repositories/volumes.ts';
import { snapshotSource, type BlockDevice } from './server-block-devices.ts';

// Where new servers go (4.2): the availability zone asked for (or the boot volume's), and a
// host per server under the server group's policy; and the name a guest takes.

export interface Zone {
  /** '' when the request named none: each server takes its host's zone. */
  name: string;
  hosts: string[];
  zoneOfHost: Map<string, string>;
  /** The zone of a server no host could take. */
  fallback: string;
  /** az:host forced by an admin. */
  forcedHost?: string;
}

/** availability_zone "az", "az:host", "az:host:node" or "az::node" (hosts for admins only). */
export function chooseZone(db: Db, ctx: RequestContext, req: { availabilityZone?: string; blockDevices: BlockDevice[] }): Zone {
  const zones = listAvailabilityZones(db);
  const hostsOf = (z: { hosts: { host: string }[] }) => z.hosts.map((h) => h.host);
  const zoneOfHost = new Map(zones.flatMap((z) => z.hosts.map((h) => [h.host, z.zoneName] as const)));
  const fallback = zones.find((z) => z.available)?.zoneName ?? 'nova';
  if (req.availabilityZone === undefined) {
    // Unnamed: a boot volume, or the volume a boot snapshot was taken of, decides (spec 4.2
    // constraint 5; Cinder makes a volume from a snapshot in the snapshot's zone); otherwise
    // any host of any zone.
    const boot = req.blockDevices.find((b) => b.bootIndex === 0 && b.source !== 'image' && b.uuid);
    if (boot?.uuid) {
      const v = boot.source === 'volume' ? getVolume(db, ctx.projectId, boot.uuid) : snapshotSource(db, ctx.projectId, boot.uuid);
      const z = v && zones.find((zz) => zz.zoneName === v.availability_zone);
      if (z) return { name: z.zoneName, hosts: hostsOf(z), zoneOfHost, fallback: z.zoneName };
    }
    const usable = zones.filter((z) => z.available);
    return { name: '', hosts: usable.flatMap(hostsOf), zoneOfHost, fallback };
  }
  const [azName, host, node] = req.availabilityZone.split(':');
  const zone = zones.find((z) => z.zoneName === azName && z.available);
  if (!zone) throw badRequest('The requested availability zone is not available');
  const forced = host || node;
  if (forced) {
    if (!ctx.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.");
    if (!hostsOf(zone).includes(forced)) throw badRequest(`No valid host was found. Compute host ${forced} could not be found.`);
    return { name: zone.zoneName, hosts: [forced], forcedHost: forced, zoneOfHost, fallback: zone.zoneName };
  }
  return { name: zone.zoneName, hosts: hostsOf(zone), zoneOfHost, fallback: zone.zoneName };
}

/**
 * Picks a host per new server: the least loaded of the candidates; anti-affinity excludes
 * hosts the group already uses (across every zone's hosts), affinity sticks to the group's
 * host. No host left: null, and the server ends in ERROR (NoValidHost) as Nova's does.
 */
export function placement(db: Db, zone: Zone, group: { id: string; policy: string } | undefined, count: number): (string | null)[] {
  const load = serversPerHost(db);
  const used = group ? hostsOfGroup(db, group.id) : [];
  const out: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    let candidates = zone.hosts;
    if (group?.policy === 'anti-affinity') candidates = candidates.filter((h) => !used.includes(h));
    if (group?.policy === 'affinity' && used.length > 0) candidates = candidates.filter((h) => h === used[0]);
    const soft = group?.policy.startsWith('soft-');
    if (soft && candidates.length === 0) candidates = zone.hosts;
    if (soft && group?.policy === 'soft-anti-affinity') {
      const fresh = candidates.filter((h) => !used.includes(h));
      if (fresh.length > 0) candidates = fresh;
    }
    const host = [...candidates].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))[0] ?? null;
    out.push(host);
    if (host) {
      load.set(host, (load.get(host) ?? 0) + 1);
      used.push(host);
    }
  }
  return out;
}

/** Nova's sanitize_hostname: lower case, spaces and underscores to dashes, 63 characters. */
export function hostnameOf(name: string, id: string): string {
  const h = name
    .toLowerCase()
    .replace(/[ _]/g, '-')
    .replace(/[^a-z0-9.-]+/g, '')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 63)
    .replace(/[.-]+$/g, '');
  return h || `server-${id}`;
}
