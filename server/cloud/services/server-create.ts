import { randomBytes } from 'node:crypto';
import { isTrue } from '../booleans.ts';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound, quotaExceeded } from '../errors.ts';
import { idFromRef, isoNow, uuid } from '../ids.ts';
import { scheduleTick } from '../lifecycle/engine.ts';
import { generatePassword } from '../lifecycle/guest-password.ts';
import { POWER } from '../lifecycle/states.ts';
import { beginOp } from '../lifecycle/transitions.ts';
import { getFlavor, type Flavor } from '../repositories/flavors.ts';
import { getImage, type Image } from '../repositories/images.ts';
import { recordAction } from '../repositories/instance-actions.ts';
import { getKeypair } from '../repositories/keypairs.ts';
import { getNetwork, listNetworks } from '../repositories/networks.ts';
import { getPort } from '../repositories/ports.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { setServerSecurityGroups } from '../repositories/security-groups.ts';
import { getServerGroup, membersOfGroups } from '../repositories/server-groups.ts';
import { insertServer, nextServerSeq, serverById, serverUsage, type ServerRow } from '../repositories/servers.ts';
import { allocatePort, bindPort } from './ports.ts';
import { enforceQuota } from './quotas.ts';
import { defaultSecurityGroup, findSecurityGroup } from './security-groups.ts';
import { attachPlannedVolumes, blockDevicesOf, planVolumes, type BlockDevice, type BlockDeviceMapping } from './server-block-devices.ts';
import { chooseZone, hostnameOf, placement } from './server-placement.ts';
import { enforceVolumeQuota } from './volumes.ts';

// POST /servers (4.2) and its alias /os-volumes_boot: the body as schemas/servers.ts lets it
// through, Nova's checks against the catalogue and the quotas, and every row in one
// transaction, so a refused request stores nothing and concurrent creates can never pass
// a quota together.

/** The body of POST /servers, as the schema lets it through. */
export interface ServerCreateBody {
  server: {
    name: string;
    imageRef?: string;
    flavorRef: string | number;
    adminPass?: string;
    metadata?: Record<string, string>;
    networks?: { uuid?: string; port?: string | null; fixed_ip?: string }[];
    'OS-DCF:diskConfig'?: 'AUTO' | 'MANUAL';
    accessIPv4?: string;
    accessIPv6?: string;
    personality?: { path: string; contents: string }[];
    availability_zone?: string;
    block_device_mapping_v2?: BlockDeviceMapping[];
    config_drive?: boolean | string;
    key_name?: string;
    min_count?: number | string;
    max_count?: number | string;
    return_reservation_id?: boolean | string;
    security_groups?: { name?: string }[];
    user_data?: string;
    description?: string | null;
  };
  'os:scheduler_hints'?: { group?: string };
  'OS-SCH-HNT:scheduler_hints'?: { group?: string };
}

interface CreateRequest {
  name: string;
  imageId?: string;
  flavorId: string;
  adminPass?: string;
  metadata: Record<string, string>;
  networks?: { uuid?: string; port?: string; fixedIp?: string }[];
  diskConfig: 'AUTO' | 'MANUAL';
  accessIPv4?: string;
  accessIPv6?: string;
  personality: { path: string; size: number }[];
  availabilityZone?: string;
  blockDevices: BlockDevice[];
  configDrive: boolean;
  keyName?: string;
  minCount: number;
  maxCount: number;
  returnReservationId: boolean;
  securityGroups?: string[];
  userData?: string;
  description?: string | null;
  groupId?: string;
}

/** What the body asks for, with the checks Nova makes between fields. */
function createRequestOf(body: ServerCreateBody, ctx: RequestContext): CreateRequest {
  const s = body.server;
  const minCount = s.min_count === undefined ? 1 : Number(s.min_count);
  const maxCount = s.max_count === undefined ? minCount : Number(s.max_count);
  const blockDevices = blockDevicesOf(s.block_device_mapping_v2);
  const networks = s.networks?.map((n) => {
    // Spec 4.2 constraint 1: fixed_ip needs the network's uuid.
    if (n.fixed_ip !== undefined && !n.uuid && !n.port) throw badRequest('Invalid input for field/attribute networks. A fixed_ip requires the network uuid.');
    return { uuid: n.uuid, port: n.port ?? undefined, fixedIp: n.fixed_ip };
  });
  if (minCount > maxCount) throw badRequest('min_count must be <= max_count');
  if (s.imageRef === undefined && blockDevices.length === 0) throw badRequest('Missing imageRef attribute');
  return {
    name: s.name,
    imageId: s.imageRef ? idFromRef(s.imageRef) : undefined,
    flavorId: idFromRef(String(s.flavorRef)),
    adminPass: s.adminPass,
    metadata: s.metadata ?? {},
    networks,
    diskConfig: s['OS-DCF:diskConfig'] ?? 'MANUAL',
    accessIPv4: s.accessIPv4 || undefined,
    accessIPv6: s.accessIPv6 || undefined,
    personality: (s.personality ?? []).map((p) => ({ path: p.path, size: Buffer.from(p.contents, 'base64').length })),
    availabilityZone: s.availability_zone,
    blockDevices,
    configDrive: isTrue(s.config_drive),
    keyName: s.key_name,
    minCount,
    maxCount,
    returnReservationId: isTrue(s.return_reservation_id),
    securityGroups: s.security_groups?.map((g) => g.name ?? ''),
    userData: s.user_data,
    description: ctx.mv.atLeast('2.19') ? (s.description ?? null) : undefined,
    // The first hints, under either of their names, that name a group.
    groupId: body['os:scheduler_hints']?.group ?? body['OS-SCH-HNT:scheduler_hints']?.group,
  };
}

export interface Created {
  servers: ServerRow[];
  adminPass: string;
  securityGroups: string[];
  reservationId: string;
  returnReservationId: boolean;
  dueAt: number;
}

export function createServers(db: Db, ctx: RequestContext, body: ServerCreateBody, config: { transitionMs: number }): Created {
  const req = createRequestOf(body, ctx);
  const made = db.transaction(() => create(db, ctx, req, config.transitionMs))();
  scheduleTick(db, made.dueAt);
  return made;
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
  const volumes = planVolumes(db, ctx, req.blockDevices, zone.name);
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
    attachPlannedVolumes(db, ctx, id, volumes, zoneName);
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
    servers.push(serverById(db, id));
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

