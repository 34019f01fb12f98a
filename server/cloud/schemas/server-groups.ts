import { params, query, str, stringMap } from './common.ts';
import { envelope, nameAt } from './parameter-types.ts';

// Chapter 8: server groups (policies of 2.1, and the soft ones from 2.15; owners from 2.13).

const POLICIES_V21 = ['anti-affinity', 'affinity'];
const POLICIES_V215 = [...POLICIES_V21, 'soft-anti-affinity', 'soft-affinity'];

const create = (version: string) =>
  envelope('server_group', {
    properties: {
      name: nameAt(version),
      policies: { type: 'array', minItems: 1, maxItems: 1, items: { enum: version === '2.15' ? POLICIES_V215 : POLICIES_V21 } },
    },
    required: ['name', 'policies'],
    additionalProperties: false,
  });

const group = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    policies: { type: 'array', items: str },
    members: { type: 'array', items: str },
    metadata: stringMap,
    project_id: str,
    user_id: str,
  },
  required: ['id', 'name', 'policies', 'members', 'metadata'],
};
const show = { type: 'object', properties: { server_group: group }, required: ['server_group'] };

export const serverGroupSchemas = {
  create: {
    '2.0': { body: create('2.0'), response: { 200: show } },
    '2.1': { body: create('2.1'), response: { 200: show } },
    '2.15': { body: create('2.15'), response: { 200: show } },
  },
  list: {
    querystring: query('all_projects', 'offset', 'limit'),
    response: { 200: { type: 'object', properties: { server_groups: { type: 'array', items: group } }, required: ['server_groups'] } },
  },
  show: { params: params('server_group_id'), response: { 200: show } },
  delete: { params: params('server_group_id') },
};
