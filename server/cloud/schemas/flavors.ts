import { bool, envelope, int, links, list, params, query, str, stringMap } from './common.ts';

// Chapter 6. The query's values are checked by the service, with Nova's own messages.

const summary = { type: 'object', properties: { id: str, name: str, links }, required: ['id', 'name', 'links'] };
const detail = {
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
const listQuery = query('minDisk', 'minRam', 'is_public', 'sort_key', 'sort_dir', 'limit', 'marker');

export const flavorSchemas = {
  list: { querystring: listQuery, response: { 200: list('flavors', summary, 'flavors_links') } },
  detailList: { querystring: listQuery, response: { 200: list('flavors', detail, 'flavors_links') } },
  show: { params: params('flavor_id'), response: { 200: envelope('flavor', detail) } },
  extraSpecs: { params: params('flavor_id'), response: { 200: envelope('extra_specs', stringMap) } },
  extraSpec: { params: params('flavor_id', 'key'), response: { 200: stringMap } },
};
