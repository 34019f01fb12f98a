// Building blocks of the request and response schemas (JSON Schema, as Fastify takes it).

export const str = { type: 'string' } as const;
export const nullableStr = { type: ['string', 'null'] } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;
export const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const link = {
  type: 'object',
  properties: { rel: str, href: str, type: str },
  required: ['rel', 'href'],
} as const;
export const links = { type: 'array', items: link } as const;

/** `{ "<key>": item }` */
export const envelope = (key: string, item: object) => ({ type: 'object', properties: { [key]: item }, required: [key] });

/** `{ "<key>": [item, ...], "<key>_links": [...] }` */
export const list = (key: string, item: object, linksKey?: string) => ({
  type: 'object',
  properties: { [key]: { type: 'array', items: item }, ...(linksKey ? { [linksKey]: links } : {}) },
  required: [key],
});

/** Path parameters, all strings: `params('server_id', 'tag')`. */
export const params = (...names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, str])),
  required: names,
});

/** A query parameter given once or repeated. */
export const stringOrList = { anyOf: [str, { type: 'array', items: str }] } as const;

/** Query parameters that are all `stringOrList`. */
export const query = (...names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, stringOrList])),
});

/** Nova's parameter_types.boolean: these spellings and nothing else. */
export const BOOLEAN_TRUE = [true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes'];
export const BOOLEAN_FALSE = [false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no'];

/** The offset/limit query of Nova's older proxy lists. */
export const offsetLimitQuery = query('limit', 'offset');
