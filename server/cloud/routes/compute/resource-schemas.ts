/**
 * Response schemas of the resources area's routes (Fastify serializes with them). They
 * describe Nova's shapes field by field; free-form maps (metadata, extra specs) stay open.
 * Version-dependent fields (keypair `type` from 2.2) are optional: the handler decides.
 */
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const link = {
  type: 'object',
  properties: { rel: str, href: str, type: str },
  required: ['rel', 'href'],
} as const;
const links = { type: 'array', items: link } as const;

const envelope = (key: string, item: object) => ({ type: 'object', properties: { [key]: item }, required: [key] });
const list = (key: string, item: object, linksKey?: string) => ({
  type: 'object',
  properties: { [key]: { type: 'array', items: item }, ...(linksKey ? { [linksKey]: links } : {}) },
  required: [key],
});

// ---- flavors (6) ----
const flavorSummary = { type: 'object', properties: { id: str, name: str, links }, required: ['id', 'name', 'links'] };
const flavorDetail = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    ram: int,
    disk: int,
    // Nova prints swap 0 as "".
    swap: { type: ['integer', 'string'] },
    vcpus: int,
    'OS-FLV-EXT-DATA:ephemeral': int,
    'OS-FLV-DISABLED:disabled': bool,
    'os-flavor-access:is_public': bool,
    rxtx_factor: { type: 'number' },
    links,
  },
  required: ['id', 'name', 'ram', 'disk', 'swap', 'vcpus', 'links'],
};
export const flavorSchemas = {
  list: list('flavors', flavorSummary, 'flavors_links'),
  detailList: list('flavors', flavorDetail, 'flavors_links'),
  show: envelope('flavor', flavorDetail),
  extraSpecs: envelope('extra_specs', stringMap),
  extraSpec: stringMap,
};

// ---- images (7) ----
const imageSummary = { type: 'object', properties: { id: str, name: nullableStr, links }, required: ['id', 'name', 'links'] };
const imageDetail = {
  type: 'object',
  properties: {
    id: str,
    name: nullableStr,
    minRam: int,
    minDisk: int,
    metadata: stringMap,
    created: str,
    updated: str,
    status: str,
    progress: int,
    'OS-EXT-IMG-SIZE:size': { type: ['integer', 'null'] },
    'OS-DCF:diskConfig': str,
    server: { type: 'object', properties: { id: str, links }, required: ['id', 'links'] },
    links,
  },
  required: ['id', 'name', 'minRam', 'minDisk', 'metadata', 'created', 'updated', 'status', 'progress', 'links'],
};
export const imageSchemas = {
  list: list('images', imageSummary, 'images_links'),
  detailList: list('images', imageDetail, 'images_links'),
  show: envelope('image', imageDetail),
  metadata: envelope('metadata', stringMap),
  metaItem: envelope('meta', stringMap),
};

// ---- keypairs (14) ----
const keypairFields = { name: str, public_key: str, fingerprint: str, type: str };
export const keypairSchemas = {
  list: list('keypairs', envelope('keypair', { type: 'object', properties: keypairFields, required: ['name', 'public_key', 'fingerprint'] })),
  show: envelope('keypair', {
    type: 'object',
    properties: {
      ...keypairFields,
      id: int,
      user_id: str,
      created_at: str,
      updated_at: nullableStr,
      deleted_at: nullableStr,
      deleted: bool,
    },
    required: ['id', 'name', 'public_key', 'fingerprint', 'user_id', 'created_at', 'updated_at', 'deleted_at', 'deleted'],
  }),
  create: envelope('keypair', {
    type: 'object',
    properties: { ...keypairFields, user_id: str, private_key: str },
    required: ['name', 'public_key', 'fingerprint', 'user_id'],
  }),
};

// ---- availability zones (18) ----
const zoneState = { type: 'object', properties: { available: bool }, required: ['available'] };
export const zoneSchemas = {
  list: list('availabilityZoneInfo', {
    type: 'object',
    properties: { zoneName: str, zoneState, hosts: { type: 'null' } },
    required: ['zoneName', 'zoneState', 'hosts'],
  }),
  detail: list('availabilityZoneInfo', {
    type: 'object',
    properties: {
      zoneName: str,
      zoneState,
      hosts: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { available: bool, active: bool, updated_at: nullableStr },
            required: ['available', 'active', 'updated_at'],
          },
        },
      },
    },
    required: ['zoneName', 'zoneState', 'hosts'],
  }),
};

// ---- volumes (19) and snapshots (20) ----
const volume = {
  type: 'object',
  properties: {
    id: str,
    status: str,
    size: int,
    availabilityZone: str,
    createdAt: str,
    // An unattached volume shows [{}], so every attachment field is optional.
    attachments: { type: 'array', items: { type: 'object', properties: { id: str, volumeId: str, serverId: str, device: str } } },
    displayName: nullableStr,
    displayDescription: nullableStr,
    volumeType: nullableStr,
    snapshotId: nullableStr,
    metadata: stringMap,
  },
  required: ['id', 'status', 'size', 'availabilityZone', 'createdAt', 'attachments', 'displayName', 'displayDescription', 'volumeType', 'snapshotId', 'metadata'],
};
export const volumeSchemas = { list: list('volumes', volume), show: envelope('volume', volume) };

const snapshot = {
  type: 'object',
  properties: { id: str, volumeId: str, status: str, size: int, createdAt: str, displayName: nullableStr, displayDescription: nullableStr },
  required: ['id', 'volumeId', 'status', 'size', 'createdAt', 'displayName', 'displayDescription'],
};
export const snapshotSchemas = { list: list('snapshots', snapshot), show: envelope('snapshot', snapshot) };

// ---- networks (21): every field but id and label may be null; admins get more ----
const anything = { type: ['string', 'integer', 'boolean', 'null'] };
const network = { type: 'object', properties: { id: str, label: str }, additionalProperties: anything, required: ['id', 'label'] };
export const networkSchemas = { list: list('networks', network), show: envelope('network', network) };

// ---- security groups (22) ----
const rule = {
  type: 'object',
  properties: {
    id: str,
    parent_group_id: str,
    ip_protocol: nullableStr,
    from_port: { type: ['integer', 'null'] },
    to_port: { type: ['integer', 'null'] },
    ip_range: { type: 'object', properties: { cidr: str } },
    group: { type: 'object', properties: { name: str, tenant_id: str } },
  },
  required: ['id', 'parent_group_id', 'ip_protocol', 'from_port', 'to_port', 'ip_range', 'group'],
};
const group = {
  type: 'object',
  properties: { id: str, name: str, description: str, tenant_id: str, rules: { type: 'array', items: rule } },
  required: ['id', 'name', 'description', 'tenant_id', 'rules'],
};
export const securityGroupSchemas = {
  list: list('security_groups', group),
  show: envelope('security_group', group),
  rule: envelope('security_group_rule', rule),
};
