import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { RequestContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound, quotaExceeded } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import { listAvailabilityZones } from '../repositories/availability-zones.ts';
import { getFlavor, type Flavor } from '../repositories/flavors.ts';
import { getImage, type Image } from '../repositories/images.ts';
import { recordAction } from '../repositories/instance-actions.ts';
import { getKeypair } from '../repositories/keypairs.ts';
import { getNetwork, listNetworks } from '../repositories/networks.ts';
import { getPort } from '../repositories/ports.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { setServerSecurityGroups } from '../repositories/security-groups.ts';
import { getServerGroup, hostsOfGroup, membersOfGroups } from '../repositories/server-groups.ts';
import { insertServer, nextServerSeq, serverUsage, type ServerRow } from '../repositories/servers.ts';
import { stmt } from '../db/statements.ts';
import { getSnapshot } from '../repositories/snapshots.ts';
import { getVolume, insertVolume, type Volume } from '../repositories/volumes.ts';
import { beginOp } from '../lifecycle/transitions.ts';
import { generatePassword } from '../lifecycle/guest-password.ts';
import { POWER } from '../lifecycle/states.ts';
import { parseCreateBody, type CreateRequest, type BlockDevice } from './create-body.ts';
import { allocatePort, bindPort } from '../services/ports.ts';
import { defaultSecurityGroup, findSecurityGroup } from '../services/security-groups.ts';
import { attachVolume, createBootVolume, enforceVolumeQuota } from '../services/volumes.ts';
import { enforceQuota } from '../services/quotas.ts';

export interface Created {
  servers: ServerRow[];
  adminPass: string;
  securityGroups: string[];
  reservationId: string;
  returnReservationId: boolean;
  dueAt: number;
}

/**
 * POST /servers (4.2) and its alias /os-volumes_boot: validates like Nova, then checks
 * quotas and writes every row in one transaction, so a refused request stores nothing and
 * concurrent creates can never pass a quota together.
 */
export function createServers(db: Db, ctx: RequestContext, body: unknown, transitionMs: number): Created {
  const req = parseCreateBody(body, ctx);
  return db.transaction(() => create(db, ctx, req, transitionMs))();
}

function create(db: Db, ctx: RequestContext, req: CreateRequest, transitionMs: number): Created {
  const flavor = getFlavor(db, req.flavorId, { projectId: ctx.projectId, isAdmin: ctx.isAdmin });
  if (!flavor || flavor.disabled) throw badRequest('Invalid flavorRef provided.');

  const bootDevice = req.blockDevices.find((b) => b.bootIndex === 0);
  let image: Image | undefined;
  if (req.imageId) {
    image = getImage(db, ctx.projectId, req.imageId);
    // The spec (4.2, table 4-9) answers a missing image with 404 (Nova: 400); Nova's message is kept.
    if (!image) throw notFound(`Image ${req.imageId} could not be found.`);
  }
  if (!req.imageId && !bootDevice) throw badRequest('Missing imageRef attribute');
  if (image) checkImage(image, flavor, !!bootDevice);

  const keypair = req.keyName !== undefined ? getKeypair(db, ctx.userId, req.keyName) : undefined;
  if (req.keyName !== undefined && !keypair) throw badRequest('Invalid key_name provided.');

  const zone = chooseZone(db, ctx, req);
  const groups = resolveSecurityGroups(db, ctx, req.securityGroups);
  const nics = resolveNetworks(db, ctx, req);
  const group = req.groupId ? getServerGroup(db, ctx.projectId, req.groupId) : undefined;
  if (req.groupId && !group) throw badRequest(`Invalid input for field/attribute group. Value: ${req.groupId}. Instance group ${req.groupId} could not be found.`);
  const volumes = resolveBlockDevices(db, ctx, req.blockDevices, zone.name);
  if (req.maxCount > 1 && (volumes.some((v) => v.source === 'volume') || nics.some((n) => n.portId))) {
    throw badRequest('Unable to launch multiple instances with a single configured port ID or volume. Please launch your instance one by one.');
  }

  // Quotas: per-request limits first (Nova checks them before counting instances).
  const metaLimit = quotaLimit(db, ctx.projectId, 'metadata_items');
  if (metaLimit >= 0 && Object.keys(req.metadata).length > metaLimit) {
    throw quotaExceeded(`Quota exceeded for metadata_items: Requested ${Object.keys(req.metadata).length}, but already used 0 of ${metaLimit} metadata_items`);
  }
  checkPersonality(db, ctx.projectId, req.personality);
  const count = allowedCount(db, ctx.projectId, flavor, req.minCount, req.maxCount);
  // Cinder's quotas for the volumes made from images and snapshots, one set per server.
  const made = volumes.filter((v) => v.source !== 'volume');
  if (made.length > 0) enforceVolumeQuota(db, ctx.projectId, made.length * count, made.reduce((n, v) => n + v.size!, 0) * count);
  if (group) {
    const limit = quotaLimit(db, ctx.projectId, 'server_group_members');
    const members = membersOfGroups(db, [group.id]).get(group.id)?.length ?? 0;
    if (limit >= 0 && members + count > limit) throw quotaExceeded('Quota exceeded, too many servers in group');
  }

  const nowMs = Date.now();
  const now = isoNow(nowMs);
  const adminPass = req.adminPass ?? generatePassword();
  const reservationId = `r-${randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 8)}`;
  const hosts = placement(db, zone, group ? { id: group.id, policy: group.policy } : undefined, count);
  const servers: ServerRow[] = [];
  let dueAt = nowMs;
  for (let i = 0; i < count; i++) {
    const id = uuid();
    const name = count > 1 ? `${req.name}-${i + 1}` : req.name;
    const host = hosts[i] ?? null;
    const zoneName = zone.name || (host && zone.zoneOfHost.get(host)) || zone.fallback;
    const row: ServerRow = {
      id,
      seq: nextServerSeq(db),
      project_id: ctx.projectId,
      user_id: ctx.userId,
      name,
      description: req.description ?? null,
      image_id: bootDevice ? null : (image?.id ?? null),
      flavor_id: flavor.id,
      vcpus: flavor.vcpus,
      memory_mb: flavor.ram,
      old_flavor_id: null,
      key_name: keypair?.name ?? null,
      availability_zone: zoneName,
      host,
      node: host,
      hostname: hostnameOf(name, id),
      reservation_id: reservationId,
      launch_index: i,
      root_device_name: '/dev/vda',
      user_data: req.userData ?? null,
      config_drive: req.configDrive ? 'True' : '',
      disk_config: req.diskConfig,
      access_ipv4: req.accessIPv4 ?? '',
      access_ipv6: req.accessIPv6 ?? '',
      metadata: JSON.stringify(req.metadata),
      personality: JSON.stringify(req.personality.map((p) => ({ path: p.path, size: p.size }))),
      vm_state: 'building',
      task_state: 'scheduling',
      power_state: POWER.NOSTATE,
      progress: 0,
      locked_by: null,
      task_started_at: null,
      due_at: null,
      task_payload: null,
      fault: null,
      password: '',
      pending_password: adminPass,
      group_id: group?.id ?? null,
      created_at: now,
      updated_at: now,
      launched_at: null,
      terminated_at: null,
      deleted: 0,
      deleted_at: null,
    };
    insertServer(db, row);
    setServerSecurityGroups(db, id, groups.map((g) => g.id));
    for (const nic of nics) {
      if (nic.portId) bindPort(db, nic.portId, id);
      else allocatePort(db, { projectId: ctx.projectId, networkId: nic.networkId!, fixedIp: nic.fixedIp, serverId: id });
    }
    attachVolumes(db, ctx, id, volumes, zoneName);
    const actionId = recordAction(db, {
      serverId: id,
      requestId: ctx.requestId,
      action: 'create',
      projectId: ctx.projectId,
      userId: ctx.userId,
      nowMs,
      event: 'compute_build_and_run_instance',
    });
    dueAt = beginOp(db, row, 'build', { actionId, noValidHost: host === null, publicKey: keypair?.public_key ?? null }, nowMs, transitionMs, {
      task_state: 'scheduling',
    });
    servers.push(stmt(db, 'SELECT * FROM servers WHERE id = ?').get(id) as ServerRow);
  }
  return {
    servers,
    adminPass,
    securityGroups: groups.map((g) => g.name),
    reservationId,
    returnReservationId: req.returnReservationId,
    dueAt,
  };
}

/** Nova's _check_requested_image: active, and the flavor large enough for it. */
function checkImage(image: Image, flavor: Flavor, volumeBacked: boolean): void {
  if (image.status !== 'active') throw badRequest(`Image ${image.id} is not active.`);
  const GiB = 1024 ** 3;
  if (flavor.ram < image.min_ram) throw badRequest("Flavor's memory is too small for requested image.");
  // A volume-backed server's disk is the volume, checked against the image by Cinder.
  if (volumeBacked || flavor.disk === 0) return;
  if ((image.size ?? 0) > flavor.disk * GiB) {
    throw badRequest(`Flavor's disk is too small for requested image. Flavor disk is ${flavor.disk * GiB} bytes, image is ${image.size} bytes.`);
  }
  if (image.min_disk > flavor.disk) {
    throw badRequest(
      `Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${flavor.disk * GiB} bytes, minimum size is ${image.min_disk * GiB} bytes.`,
    );
  }
}

interface Zone {
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
function chooseZone(db: Db, ctx: RequestContext, req: CreateRequest): Zone {
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
function placement(db: Db, zone: Zone, group: { id: string; policy: string } | undefined, count: number): (string | null)[] {
  const load = new Map(
    (stmt(db, 'SELECT host, COUNT(*) AS n FROM servers WHERE deleted = 0 AND host IS NOT NULL GROUP BY host').all() as { host: string; n: number }[]).map(
      (r) => [r.host, r.n],
    ),
  );
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

/** How many of min..max servers fit the instances/cores/ram quotas; fewer than min is 403. */
function allowedCount(db: Db, projectId: string, flavor: Flavor, min: number, max: number): number {
  const used = serverUsage(db, projectId);
  const headroom = (resource: 'instances' | 'cores' | 'ram', per: number, inUse: number) => {
    const limit = quotaLimit(db, projectId, resource);
    if (limit < 0 || per === 0) return Infinity;
    return Math.floor((limit - inUse) / per);
  };
  const fit = Math.min(max, headroom('instances', 1, used.instances), headroom('cores', flavor.vcpus, used.cores), headroom('ram', flavor.ram, used.ram));
  if (fit < min) {
    enforceQuota(db, projectId, { instances: min, cores: flavor.vcpus * min, ram: flavor.ram * min }, used);
  }
  return Math.max(min, Math.min(max, fit));
}

function checkPersonality(db: Db, projectId: string, files: CreateRequest['personality']): void {
  const maxFiles = quotaLimit(db, projectId, 'injected_files');
  if (maxFiles >= 0 && files.length > maxFiles) throw forbidden('Personality file limit exceeded');
  const maxPath = quotaLimit(db, projectId, 'injected_file_path_bytes');
  const maxContent = quotaLimit(db, projectId, 'injected_file_content_bytes');
  for (const f of files) {
    if (maxPath >= 0 && Buffer.byteLength(f.path) > maxPath) throw forbidden(`Personality file path exceeds maximum ${maxPath}`);
    if (maxContent >= 0 && f.size > maxContent) throw forbidden(`Personality file content exceeds maximum ${maxContent}`);
  }
}

function resolveSecurityGroups(db: Db, ctx: RequestContext, names: string[] | undefined) {
  if (!names || names.length === 0) return [defaultSecurityGroup(db, ctx.projectId)];
  const out = [];
  for (const n of new Set(names)) {
    const g = findSecurityGroup(db, ctx.projectId, n);
    if (!g) throw badRequest(`Security group ${n} not found.`);
    out.push(g);
  }
  return out;
}

interface Nic {
  networkId?: string;
  portId?: string;
  fixedIp?: string;
}

function resolveNetworks(db: Db, ctx: RequestContext, req: CreateRequest): Nic[] {
  if (req.networks === undefined) {
    // No networks asked for: the project's only network, as Neutron's allocation picks it.
    const nets = listNetworks(db, ctx.projectId);
    if (nets.length > 1) throw conflict('Multiple possible networks found, use a Network ID to be more specific.');
    return nets.map((n) => ({ networkId: n.id }));
  }
  const seen = new Set<string>();
  const out: Nic[] = [];
  for (const n of req.networks) {
    // The port wins over uuid and fixed_ip (spec 4.2, constraint 1).
    if (n.port) {
      const port = getPort(db, ctx.projectId, n.port);
      if (!port) throw badRequest(`Port ${n.port} could not be found.`);
      if (port.server_id) throw conflict(`Port ${n.port} is still in use.`);
      if (seen.has(port.network_id)) throw badRequest(`Network ${port.network_id} is duplicated.`);
      seen.add(port.network_id);
      out.push({ portId: port.id });
      continue;
    }
    if (!n.uuid) throw badRequest('Bad networks format: network uuid is not in proper format ()');
    if (!getNetwork(db, ctx.projectId, n.uuid)) throw badRequest(`Network ${n.uuid} could not be found.`);
    // The spec forbids two NICs on one network (constraint 9: allow_duplicate_networks off).
    if (seen.has(n.uuid)) throw badRequest(`Network ${n.uuid} is duplicated.`);
    seen.add(n.uuid);
    if (n.fixedIp && req.maxCount > 1) throw badRequest("multiple instances can't use the same fixed IP");
    out.push({ networkId: n.uuid, fixedIp: n.fixedIp });
  }
  return out;
}

interface VolumePlan {
  source: 'volume' | 'image' | 'snapshot';
  volumeId?: string;
  imageId?: string;
  snapshotId?: string;
  size?: number;
  bootIndex: number | null;
  deleteOnTermination: boolean;
  volumeType?: string;
  /** A volume from a snapshot: the zone, bootable flag and image of the snapshot's volume. */
  from?: { zone: string; bootable: boolean; imageId: string | null };
}

/** The volume a snapshot was taken of, when the snapshot is the project's. */
function snapshotSource(db: Db, projectId: string, snapshotId: string): Volume | undefined {
  const snap = getSnapshot(db, projectId, snapshotId);
  return snap && getVolume(db, projectId, snap.volume_id);
}

function resolveBlockDevices(db: Db, ctx: RequestContext, devices: BlockDevice[], zoneName: string): VolumePlan[] {
  return devices.map((b) => {
    if (b.source === 'volume') {
      const v = getVolume(db, ctx.projectId, b.uuid!);
      if (!v) throw badRequest(`Block Device Mapping is Invalid: failed to get volume ${b.uuid}.`);
      if (v.status !== 'available') {
        throw badRequest(`Invalid volume: volume '${v.id}' status must be 'available'. Currently in '${v.status}'`);
      }
      if (zoneName && v.availability_zone !== zoneName) {
        throw badRequest(`Server and volumes are not in the same availability zone. Server is in: ${zoneName}. Volumes are in: ${v.availability_zone}`);
      }
      return { source: 'volume', volumeId: v.id, bootIndex: b.bootIndex, deleteOnTermination: b.deleteOnTermination };
    }
    if (b.source === 'snapshot') return snapshotPlan(db, ctx, b, zoneName);
    const image = getImage(db, ctx.projectId, b.uuid!);
    if (!image) throw badRequest(`Block Device Mapping is Invalid: failed to get image ${b.uuid}.`);
    if (image.status !== 'active') throw badRequest(`Image ${image.id} is not active.`);
    const size = b.volumeSize ?? image.min_disk;
    if (!size) throw badRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
    if (size < image.min_disk) {
      throw badRequest(`Volume is smaller than the minimum size specified in image metadata. Volume size is ${size * 1024 ** 3} bytes, minimum size is ${image.min_disk * 1024 ** 3} bytes.`);
    }
    return { source: 'image', imageId: image.id, size, bootIndex: b.bootIndex, deleteOnTermination: b.deleteOnTermination, volumeType: b.volumeType };
  });
}

/**
 * source_type snapshot: Cinder makes a new volume from the snapshot (its size unless
 * volume_size asks for more; bootable and image as the snapshot's volume), and Nova attaches
 * it. As boot disk the snapshot must be of a system disk (spec 4.2, source_type). Nova
 * answers an unknown snapshot (another project's too) with 400; the snapshot's status, the
 * size and the zone are Cinder's checks, made here at once rather than failing the build.
 */
function snapshotPlan(db: Db, ctx: RequestContext, b: BlockDevice, zoneName: string): VolumePlan {
  const snap = getSnapshot(db, ctx.projectId, b.uuid!);
  if (!snap) {
    throw badRequest(b.bootIndex === 0 ? `Snapshot ${b.uuid} could not be found.` : `Block Device Mapping is Invalid: failed to get snapshot ${b.uuid}.`);
  }
  if (snap.status !== 'available') {
    throw badRequest("Invalid input received: Invalid snapshot: Originating snapshot status must be one of 'available' values");
  }
  const source = getVolume(db, ctx.projectId, snap.volume_id);
  if (!source) throw badRequest(`Block Device Mapping is Invalid: failed to get volume ${snap.volume_id}.`);
  if (b.bootIndex === 0 && !source.bootable) {
    throw badRequest(
      `Block Device ${source.id} is not bootable. Snapshot ${snap.id} was taken of a data disk; a server boots only from a snapshot of a system disk.`,
    );
  }
  const size = b.volumeSize ?? snap.size;
  if (size < snap.size) {
    throw badRequest(
      `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snap.size}GB. They must be >= original snapshot size.`,
    );
  }
  if (zoneName && source.availability_zone !== zoneName) {
    throw badRequest('Invalid input received: Volume must be in the same availability zone as the snapshot');
  }
  return {
    source: 'snapshot',
    snapshotId: snap.id,
    size,
    bootIndex: b.bootIndex,
    deleteOnTermination: b.deleteOnTermination,
    volumeType: b.volumeType ?? source.volume_type ?? undefined,
    from: { zone: source.availability_zone, bootable: source.bootable, imageId: source.image_id },
  };
}

/** The server's volumes: the boot disk /dev/vda, then /dev/vdb... (spec 4.2: device_name is not honoured). */
function attachVolumes(db: Db, ctx: RequestContext, serverId: string, plans: VolumePlan[], zoneName: string): void {
  const ordered = [...plans].sort((a, b) => (a.bootIndex === 0 ? -1 : b.bootIndex === 0 ? 1 : 0));
  let letter = ordered.some((p) => p.bootIndex === 0) ? 0 : 1;
  for (const p of ordered) {
    let volumeId = p.volumeId;
    if (p.source === 'image') {
      volumeId = createBootVolume(db, {
        projectId: ctx.projectId,
        userId: ctx.userId,
        size: p.size!,
        imageId: p.imageId!,
        availabilityZone: zoneName,
        volumeType: p.volumeType ?? null,
      }).id;
    }
    if (p.source === 'snapshot') {
      // Ready at once, as the image's volume above: the server's BUILD covers Cinder's work.
      volumeId = insertVolume(db, {
        projectId: ctx.projectId,
        userId: ctx.userId,
        size: p.size!,
        availabilityZone: p.from!.zone,
        volumeType: p.volumeType ?? null,
        snapshotId: p.snapshotId,
        imageId: p.from!.imageId,
        bootable: p.from!.bootable,
        status: 'available',
      }).id;
    }
    attachVolume(db, { volumeId: volumeId!, serverId, device: `/dev/vd${String.fromCharCode(97 + letter)}`, deleteOnTermination: p.deleteOnTermination });
    letter++;
  }
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
