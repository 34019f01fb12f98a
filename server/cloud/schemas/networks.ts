import { envelope, list, params, str } from './common.ts';

// Chapter 21: every field but id and label may be null; admins get more.
const anything = { type: ['string', 'integer', 'boolean', 'null'] };
const network = { type: 'object', properties: { id: str, label: str }, additionalProperties: anything, required: ['id', 'label'] };

export const networkSchemas = {
  list: { response: { 200: list('networks', network) } },
  show: { params: params('network_id'), response: { 200: envelope('network', network) } },
};
