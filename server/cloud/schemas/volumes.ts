import { envelope, int, list, nullableStr, offsetLimitQuery, params, str, stringMap } from './common.ts';

// Chapter 19: Nova's os-volumes proxy.

const optionalString = { type: ['string', 'null'] };
/**
 * Nova's os-volumes create schema. It types the optional strings as strings; the spec's
 * own sample sends them as null, so null is accepted too (and means "not given").
 */
const volumeCreate = {
  type: 'object',
  properties: {
    volume: {
      type: 'object',
      properties: {
        volume_type: optionalString,
        metadata: { type: ['object', 'null'] },
        snapshot_id: optionalString,
        size: { type: ['integer', 'string', 'null'], pattern: '^[0-9]+$', minimum: 1 },
        availability_zone: optionalString,
        display_name: optionalString,
        display_description: optionalString,
      },
      additionalProperties: false,
    },
  },
  required: ['volume'],
  additionalProperties: false,
};

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

export const volumeSchemas = {
  create: { body: volumeCreate, response: { 200: envelope('volume', volume) } },
  list: { querystring: offsetLimitQuery, response: { 200: list('volumes', volume) } },
  show: { params: params('volume_id'), response: { 200: envelope('volume', volume) } },
  delete: { params: params('volume_id') },
};
