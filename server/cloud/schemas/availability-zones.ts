import { bool, list, nullableStr, str } from './common.ts';

// Chapter 18.

const zoneState = { type: 'object', properties: { available: bool }, required: ['available'] };

export const zoneSchemas = {
  list: {
    response: {
      200: list('availabilityZoneInfo', {
        type: 'object',
        properties: { zoneName: str, zoneState, hosts: { type: 'null' } },
        required: ['zoneName', 'zoneState', 'hosts'],
      }),
    },
  },
  detail: {
    response: {
      200: list('availabilityZoneInfo', {
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
    },
  },
};
