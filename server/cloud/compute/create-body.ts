import { badRequest } from '../errors.ts';
import type { RequestContext } from '../context.ts';
import {
  boolLike,
  checkMetadata,
  checkName,
  checkString,
  envelope,
  idFromRef,
  intLike,
  invalid,
  isObj,
  onlyKeys,
  requireKeys,
  str,
  typeError,
  type Obj,
} from './validation.ts';

// The body of POST /servers as Nova's create schema (schemas/servers.py, v2.1 ... 2.26) has it.

export interface BlockDevice {
  source: 'volume' | 'image' | 'snapshot';
  uuid?: string;
  bootIndex: number | null;
  volumeSize?: number;
  deleteOnTermination: boolean;
  volumeType?: string;
}

export interface CreateRequest {
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

const SERVER_KEYS = [
  'name', 'imageRef', 'flavorRef', 'adminPass', 'metadata', 'networks', 'OS-DCF:diskConfig', 'accessIPv4', 'accessIPv6',
  'personality', 'availability_zone', 'block_device_mapping', 'block_device_mapping_v2', 'config_drive', 'key_name',
  'min_count', 'max_count', 'return_reservation_id', 'security_groups', 'user_data',
];
const HINT_KEYS = ['os:scheduler_hints', 'OS-SCH-HNT:scheduler_hints'];
const BDM_KEYS = [
  'source_type', 'destination_type', 'uuid', 'boot_index', 'volume_size', 'delete_on_termination', 'device_name',
  'guest_format', 'volume_type', 'disk_bus', 'device_type', 'no_device', 'volume_id', 'snapshot_id', 'image_id', 'tag',
];
const DEVICE_NAME = /(^\/dev\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$/;
const UUID = { format: 'uuid' } as const;

export function parseCreateBody(body: unknown, ctx: RequestContext): CreateRequest {
  const server = envelope(body, 'server', { extraKeys: HINT_KEYS });
  const allowed = ctx.mv.atLeast('2.19') ? [...SERVER_KEYS, 'description'] : SERVER_KEYS;
  onlyKeys(server, allowed, 'server');
  requireKeys(server, ['name', 'flavorRef'], 'server');

  const name = checkName('name', server.name, ctx.legacy);
  const flavorRef = server.flavorRef;
  if (typeof flavorRef !== 'string' && typeof flavorRef !== 'number') throw typeError('flavorRef', flavorRef, 'string');
  if (String(flavorRef).length === 0) throw invalid('flavorRef', flavorRef, "'' is too short");
  const imageRef = str(server, 'imageRef');

  const req: CreateRequest = {
    name,
    imageId: imageRef ? idFromRef(imageRef) : undefined,
    flavorId: idFromRef(String(flavorRef)),
    adminPass: str(server, 'adminPass'),
    metadata: server.metadata === undefined ? {} : checkMetadata('metadata', server.metadata),
    diskConfig: diskConfig(server),
    accessIPv4: str(server, 'accessIPv4', { format: 'ipv4' }) || undefined,
    accessIPv6: str(server, 'accessIPv6', { format: 'ipv6' }) || undefined,
    personality: personality(server.personality),
    availabilityZone: str(server, 'availability_zone', { min: 1, max: 255 }),
    blockDevices: blockDevices(server),
    configDrive: boolLike(server, 'config_drive') ?? false,
    keyName: str(server, 'key_name', { min: 1, max: 255 }),
    minCount: intLike(server, 'min_count', 1) ?? 1,
    maxCount: 1,
    returnReservationId: boolLike(server, 'return_reservation_id') ?? false,
    securityGroups: securityGroups(server.security_groups),
    userData: str(server, 'user_data', { max: 65535, format: 'base64' }),
    description: ctx.mv.atLeast('2.19') ? str(server, 'description', { max: 255, nullable: true }) ?? null : undefined,
    networks: networks(server.networks),
  };
  req.maxCount = intLike(server, 'max_count', 1) ?? req.minCount;
  if (req.minCount > req.maxCount) throw badRequest('min_count must be <= max_count');
  if (req.imageId === undefined && req.blockDevices.length === 0 && imageRef === undefined) {
    throw badRequest('Missing imageRef attribute');
  }
  req.groupId = schedulerGroup(body as Obj);
  return req;
}

function diskConfig(server: Obj): 'AUTO' | 'MANUAL' {
  const v = server['OS-DCF:diskConfig'];
  if (v === undefined) return 'MANUAL';
  if (v !== 'AUTO' && v !== 'MANUAL') throw invalid('OS-DCF:diskConfig', v, `${JSON.stringify(v).replace(/"/g, "'")} is not one of ['AUTO', 'MANUAL']`);
  return v;
}

function personality(v: unknown): { path: string; size: number }[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw typeError('personality', v, 'array');
  return v.map((item) => {
    if (!isObj(item)) throw typeError('personality', item, 'object');
    onlyKeys(item, ['path', 'contents'], 'personality');
    requireKeys(item, ['path', 'contents'], 'personality');
    const path = str(item, 'path')!;
    const contents = str(item, 'contents', { format: 'base64' })!;
    return { path, size: Buffer.from(contents, 'base64').length };
  });
}

function securityGroups(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw typeError('security_groups', v, 'array');
  return v.map((g) => {
    if (!isObj(g)) throw typeError('security_groups', g, 'object');
    onlyKeys(g, ['name'], 'security_groups');
    return str(g, 'name', { min: 1, max: 255 }) ?? '';
  });
}

function networks(v: unknown): CreateRequest['networks'] {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw typeError('networks', v, 'array');
  return v.map((n) => {
    if (!isObj(n)) throw typeError('networks', n, 'object');
    onlyKeys(n, ['uuid', 'port', 'fixed_ip', 'tag'], 'networks');
    const fixed = n.fixed_ip;
    if (fixed !== undefined && (typeof fixed !== 'string' || !(/^[\d.]+$/.test(fixed) || fixed.includes(':')))) {
      throw invalid('fixed_ip', fixed, `${JSON.stringify(fixed).replace(/"/g, "'")} is not a 'ip_address'`);
    }
    const uuid = str(n, 'uuid');
    const port = str(n, 'port', { ...UUID, nullable: true });
    // Spec 4.2 constraint 1: fixed_ip needs the network's uuid.
    if (fixed !== undefined && !uuid && !port) throw badRequest('Invalid input for field/attribute networks. A fixed_ip requires the network uuid.');
    return { uuid, port, fixedIp: fixed as string | undefined };
  });
}

function blockDevices(server: Obj): BlockDevice[] {
  const v = server.block_device_mapping_v2;
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw typeError('block_device_mapping_v2', v, 'array');
  const out = v.map((b): BlockDevice => {
    if (!isObj(b)) throw typeError('block_device_mapping_v2', b, 'object');
    onlyKeys(b, BDM_KEYS, 'block_device_mapping_v2');
    const source = str(b, 'source_type');
    const dest = str(b, 'destination_type') ?? 'volume';
    // The spec (4.2, block_device_mapping_v2.source_type) supports volume, image and snapshot.
    if (source !== 'volume' && source !== 'image' && source !== 'snapshot') {
      throw badRequest(`Block Device Mapping is Invalid: source_type ${String(source)} is not supported; use volume, image or snapshot.`);
    }
    if (dest !== 'volume') throw badRequest('Block Device Mapping is Invalid: destination_type must be volume.');
    const uuid = str(b, 'uuid', UUID) ?? str(b, `${source}_id`, UUID);
    if (!uuid) throw badRequest('Block Device Mapping is Invalid: You specified more local devices than the limit allows');
    const deviceName = str(b, 'device_name', { min: 1, max: 255 });
    if (deviceName !== undefined) checkString('device_name', deviceName, { pattern: DEVICE_NAME });
    const bootRaw = b.boot_index;
    let bootIndex: number | null = null;
    if (bootRaw !== undefined && bootRaw !== null) {
      bootIndex = Number(bootRaw);
      if (!Number.isInteger(bootIndex)) throw invalid('boot_index', bootRaw, `${JSON.stringify(bootRaw)} is not of type 'integer', 'string', 'null'`);
      if (bootIndex < 0) bootIndex = null;
    }
    return {
      source,
      uuid,
      bootIndex,
      volumeSize: intLike(b, 'volume_size', 1),
      deleteOnTermination: boolLike(b, 'delete_on_termination') ?? false,
      volumeType: str(b, 'volume_type') ?? undefined,
    };
  });
  if (out.filter((b) => b.bootIndex === 0).length > 1) {
    throw badRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
  }
  return out;
}

function schedulerGroup(body: Obj): string | undefined {
  for (const key of HINT_KEYS) {
    const hints = body[key];
    if (hints === undefined) continue;
    if (!isObj(hints)) throw typeError(key, hints, 'object');
    const g = hints.group;
    if (g === undefined) continue;
    if (typeof g !== 'string') throw typeError('group', g, 'string');
    checkString('group', g, UUID);
    return g;
  }
  return undefined;
}
