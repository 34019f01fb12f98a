import { params, query, str } from './common.ts';
import {
  DEVICE_NAME,
  accessIPv4,
  accessIPv6,
  boolean,
  description,
  diskConfig,
  envelope,
  flavorRef,
  invalidInput,
  metadata,
  nameAt,
  nullableString,
  positiveInteger,
  uuid,
} from './parameter-types.ts';

// Sections 4.2–4.10: the bodies of create and update as Nova's schemas/servers.py has them
// (v2.0 legacy, v2.1, 2.19 with description), and the list's query parameters.

const networks = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      uuid: str,
      port: nullableString({ format: 'uuid' }),
      fixed_ip: { type: 'string', format: 'ip_address', errorMessage: { type: invalidInput("{repr} is not a 'ip_address'") } },
      tag: {},
    },
    additionalProperties: false,
  },
};

const personality = {
  type: 'array',
  items: {
    type: 'object',
    properties: { path: str, contents: { type: 'string', format: 'base64' } },
    required: ['path', 'contents'],
    additionalProperties: false,
  },
};

/** block_device_mapping_v2: the spec's sources are checked by the service, with Nova's messages. */
const blockDeviceMapping = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      source_type: str,
      destination_type: str,
      uuid,
      boot_index: { bootIndex: true },
      volume_size: positiveInteger,
      delete_on_termination: boolean,
      device_name: { type: 'string', minLength: 1, maxLength: 255, pattern: DEVICE_NAME },
      guest_format: {},
      volume_type: str,
      disk_bus: {},
      device_type: {},
      no_device: {},
      volume_id: uuid,
      snapshot_id: uuid,
      image_id: uuid,
      tag: {},
    },
    additionalProperties: false,
  },
};

const schedulerHints = { type: 'object', properties: { group: uuid } };

function serverCreate(version: string) {
  const server = {
    properties: {
      name: nameAt(version),
      imageRef: str,
      flavorRef,
      adminPass: str,
      metadata,
      networks,
      'OS-DCF:diskConfig': diskConfig,
      accessIPv4,
      accessIPv6,
      personality,
      availability_zone: { type: 'string', minLength: 1, maxLength: 255 },
      block_device_mapping: {},
      block_device_mapping_v2: blockDeviceMapping,
      config_drive: boolean,
      key_name: { type: 'string', minLength: 1, maxLength: 255 },
      min_count: positiveInteger,
      max_count: positiveInteger,
      return_reservation_id: boolean,
      security_groups: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 255 } }, additionalProperties: false },
      },
      user_data: { type: 'string', maxLength: 65535, format: 'base64' },
      ...(version === '2.19' ? { description } : {}),
    },
    required: ['name', 'flavorRef'],
    additionalProperties: false,
  };
  return envelope('server', server, { 'os:scheduler_hints': schedulerHints, 'OS-SCH-HNT:scheduler_hints': schedulerHints });
}

function serverUpdate(version: string) {
  return envelope('server', {
    properties: {
      name: nameAt(version),
      'OS-DCF:diskConfig': diskConfig,
      accessIPv4,
      accessIPv6,
      ...(version === '2.19' ? { description } : {}),
    },
    additionalProperties: false,
  });
}

const serverParams = params('server_id');

/** Nova's list filters and sort keys (checked by the service, which knows which apply). */
const listQuery = query(
  'all_tenants', 'tenant_id', 'project_id', 'status', 'changes-since', 'deleted', 'image', 'flavor', 'name', 'ip',
  'availability_zone', 'reservation_id', 'tags', 'tags-any', 'not-tags', 'not-tags-any', 'sort_key', 'sort_dir', 'limit', 'marker',
);

export const serverSchemas = {
  create: { '2.0': { body: serverCreate('2.0') }, '2.1': { body: serverCreate('2.1') }, '2.19': { body: serverCreate('2.19') } },
  update: {
    '2.0': { params: serverParams, body: serverUpdate('2.0') },
    '2.1': { params: serverParams, body: serverUpdate('2.1') },
    '2.19': { params: serverParams, body: serverUpdate('2.19') },
  },
  list: { querystring: listQuery },
  show: { params: serverParams },
  delete: { params: serverParams },
};
