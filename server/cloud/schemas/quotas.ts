import { envelope, int, params, str } from './common.ts';
import { DEFAULT_QUOTAS } from '../quota-defaults.ts';

// Chapters 15 and 16: limits and quotas (read-only in the spec).

const quotaSet = envelope('quota_set', {
  type: 'object',
  properties: { id: str, ...Object.fromEntries(Object.keys(DEFAULT_QUOTAS).map((k) => [k, int])) },
  required: ['id', ...Object.keys(DEFAULT_QUOTAS)],
});

const quotaDetail = envelope('quota_set', {
  type: 'object',
  properties: {
    id: str,
    ...Object.fromEntries(
      Object.keys(DEFAULT_QUOTAS).map((k) => [k, { type: 'object', properties: { limit: int, in_use: int, reserved: int }, required: ['limit', 'in_use', 'reserved'] }]),
    ),
  },
  required: ['id', ...Object.keys(DEFAULT_QUOTAS)],
});

const absolute = [
  'maxServerMeta', 'maxPersonality', 'maxPersonalitySize', 'maxImageMeta', 'maxTotalRAMSize', 'maxTotalKeypairs',
  'maxSecurityGroupRules', 'maxSecurityGroups', 'maxServerGroups', 'maxServerGroupMembers', 'maxTotalCores',
  'maxTotalInstances', 'maxTotalFloatingIps', 'totalCoresUsed', 'totalRAMUsed', 'totalInstancesUsed',
  'totalSecurityGroupsUsed', 'totalFloatingIpsUsed', 'totalServerGroupsUsed',
];

export const limitSchemas = {
  show: {
    querystring: { type: 'object', properties: { tenant_id: str } },
    response: {
      200: envelope('limits', {
        type: 'object',
        properties: {
          rate: { type: 'array', maxItems: 0 },
          absolute: { type: 'object', properties: Object.fromEntries(absolute.map((k) => [k, int])), required: absolute },
        },
        required: ['rate', 'absolute'],
      }),
    },
  },
};

export const quotaSchemas = {
  show: { params: params('tenant_id'), querystring: { type: 'object', properties: { user_id: str } }, response: { 200: quotaSet } },
  detail: { params: params('tenant_id'), querystring: { type: 'object', properties: { user_id: str } }, response: { 200: quotaDetail } },
  defaults: { params: params('tenant_id'), response: { 200: quotaSet } },
};
