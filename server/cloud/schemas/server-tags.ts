import { params, str } from './common.ts';
import { invalidInput } from './parameter-types.ts';

// Chapter 23: server tags (from 2.26). Spec 23.2 and 23.4: at most 50 tags of at most 80
// characters, none empty or starting with a dot; Nova's parameter_types.tag adds no '/' or ','.

export const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 80;

const tag = { type: 'string', minLength: 1, maxLength: MAX_TAG_LENGTH, pattern: '^[^,/]*$', format: 'tag_start' } as const;
const tagParams = params('server_id', 'tag');
const tagList = { type: 'object', properties: { tags: { type: 'array', items: str } }, required: ['tags'] };

export const serverTagSchemas = {
  list: { params: params('server_id'), response: { 200: tagList } },
  replace: {
    params: params('server_id'),
    body: {
      type: 'object',
      properties: {
        tags: {
          type: 'array',
          maxItems: MAX_TAGS,
          items: tag,
          errorMessage: { maxItems: `The number of tags exceeded the per-server limit ${MAX_TAGS}` },
        },
      },
      required: ['tags'],
      additionalProperties: false,
      errorMessage: {
        type: invalidInput('{message}').replace('{field}', 'tags'),
        required: invalidInput('{message}').replace('{field}', 'tags'),
        additionalProperties: invalidInput('{message}').replace('{field}', 'tags'),
      },
    },
    response: { 200: tagList },
  },
  deleteAll: { params: params('server_id') },
  check: { params: tagParams },
  /** The tag in the URL must be a valid tag; Nova says why in its own words. */
  add: {
    params: {
      ...tagParams,
      properties: {
        ...tagParams.properties,
        tag: {
          ...tag,
          errorMessage: Object.fromEntries(
            ['minLength', 'maxLength', 'pattern', 'format'].map((k) => [
              k,
              `Tag '{value}' is invalid. It must be a non empty string without characters '/' and ',', at most ${MAX_TAG_LENGTH} characters, not starting with '.'. Validation error message: {message}`,
            ]),
          ),
        },
      },
    },
  },
  delete: { params: tagParams },
};
