import { envelope as response, params, stringMap } from './common.ts';
import { envelope, metadata } from './parameter-types.ts';

// Chapter 10: a server's metadata.

const serverParams = params('server_id');
const keyParams = params('server_id', 'key');

export const serverMetadataSchemas = {
  list: { params: serverParams, response: { 200: response('metadata', stringMap) } },
  /** PUT replaces, POST merges: the same body. */
  write: { params: serverParams, body: envelope('metadata', metadata), response: { 200: response('metadata', stringMap) } },
  show: { params: keyParams, response: { 200: response('meta', stringMap) } },
  /** One item: exactly one key, which the service matches with the URL's. */
  writeItem: {
    params: keyParams,
    body: envelope('meta', { minProperties: 1, maxProperties: 1, ...metadata, errorMessage: { maxProperties: 'Request body contains too many items' } }),
    response: { 200: response('meta', stringMap) },
  },
  deleteItem: { params: keyParams },
};

