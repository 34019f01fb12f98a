import { envelope, links, list, str } from './common.ts';

// Sections 3.3 and 3.4: the version documents, in the order Nova writes their fields.

const version = { id: str, status: str, version: str, min_version: str, updated: str, links };
const mediaTypes = { type: 'array', items: { type: 'object', properties: { base: str, type: str }, required: ['base', 'type'] } };

export const versionSchemas = {
  list: { response: { 200: list('versions', { type: 'object', properties: version, required: Object.keys(version) }) } },
  show: {
    response: {
      200: envelope('version', {
        type: 'object',
        properties: { ...version, 'media-types': mediaTypes },
        required: [...Object.keys(version), 'media-types'],
      }),
    },
  },
};
