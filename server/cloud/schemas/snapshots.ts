import { BOOLEAN_FALSE, BOOLEAN_TRUE, envelope, int, list, nullableStr, offsetLimitQuery, params, str } from './common.ts';

// Chapter 20: Nova's os-snapshots proxy.

/** Nova's snapshot_create schema; null is also accepted for the optional strings, as for volumes. */
const snapshotCreate = {
  type: 'object',
  properties: {
    snapshot: {
      type: 'object',
      properties: {
        volume_id: str,
        force: { enum: [...BOOLEAN_TRUE, ...BOOLEAN_FALSE] },
        display_name: { type: ['string', 'null'], maxLength: 255 },
        display_description: { type: ['string', 'null'], maxLength: 255 },
      },
      required: ['volume_id'],
      additionalProperties: false,
    },
  },
  required: ['snapshot'],
  additionalProperties: false,
};

const snapshot = {
  type: 'object',
  properties: { id: str, volumeId: str, status: str, size: int, createdAt: str, displayName: nullableStr, displayDescription: nullableStr },
  required: ['id', 'volumeId', 'status', 'size', 'createdAt', 'displayName', 'displayDescription'],
};

export const snapshotSchemas = {
  create: { body: snapshotCreate, response: { 200: envelope('snapshot', snapshot) } },
  list: { querystring: offsetLimitQuery, response: { 200: list('snapshots', snapshot) } },
  show: { params: params('snapshot_id'), response: { 200: envelope('snapshot', snapshot) } },
  delete: { params: params('snapshot_id') },
};
