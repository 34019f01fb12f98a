import { envelope, int, links, list, nullableStr, params, query, str, stringMap } from './common.ts';
import { envelope as body, metadata } from './parameter-types.ts';

// Chapter 7. The query's values are checked by the service, with Nova's own messages.

const summary = { type: 'object', properties: { id: str, name: nullableStr, links }, required: ['id', 'name', 'links'] };
const detail = {
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
const listQuery = query('name', 'status', 'changes-since', 'minRam', 'minDisk', 'server', 'type', 'limit', 'marker');

export const imageSchemas = {
  list: { querystring: listQuery, response: { 200: list('images', summary, 'images_links') } },
  detailList: { querystring: listQuery, response: { 200: list('images', detail, 'images_links') } },
  show: { params: params('image_id'), response: { 200: envelope('image', detail) } },
  metadata: { params: params('image_id'), response: { 200: envelope('metadata', stringMap) } },
  metaItem: { params: params('image_id', 'key'), response: { 200: envelope('meta', stringMap) } },
  /** POST merges, PUT replaces: Nova's image_metadata create and update_all. */
  writeMetadata: { params: params('image_id'), body: body('metadata', metadata), response: { 200: envelope('metadata', stringMap) } },
  /** One item: exactly one key, which the service matches with the URL's. */
  writeMetaItem: {
    params: params('image_id', 'key'),
    body: body('meta', { minProperties: 1, maxProperties: 1, ...metadata }),
    response: { 200: envelope('meta', stringMap) },
  },
  deleteMetaItem: { params: params('image_id', 'key') },
  delete: { params: params('image_id') },
};
