import { envelope, list, params, str } from './common.ts';

// GET /extensions and /extensions/{alias} (views/extensions.ts): keys in the order Nova writes them.

const extension = {
  type: 'object',
  properties: { alias: str, description: str, links: { type: 'array', maxItems: 0 }, name: str, namespace: str, updated: str },
  required: ['alias', 'description', 'links', 'name', 'namespace', 'updated'],
};

export const extensionSchemas = {
  list: { response: { 200: list('extensions', extension) } },
  show: { params: params('alias'), response: { 200: envelope('extension', extension) } },
};
