import Ajv, { type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { badRequest } from '../errors.ts';
import { appPlugin } from './plugin.ts';
import { NOVA_KEYWORDS } from './nova-keywords.ts';
import { schemaErrorMessage, type MessageStyle } from './schema-errors.ts';

/**
 * Request validation for every route: Fastify checks params, query and body against the
 * route's JSON schemas with these compilers before a handler runs, and a failure answers
 * 400 with Nova's message (plugins/schema-errors.ts). Bodies are checked strictly (no
 * coercion, no defaults: Fastify's default Ajv would coerce types and drop unknown keys);
 * query strings and path parameters are text on the wire, so they are coerced, and a
 * parameter declared as an array takes one value or many (webob's MultiDict).
 */
const options = { strict: false, allErrors: true, verbose: true } as const;
const bodyAjv = new Ajv({ ...options, coerceTypes: false, useDefaults: false });
const wireAjv = new Ajv({ ...options, coerceTypes: 'array', useDefaults: true });

// eslint-disable-next-line no-control-regex -- control characters are what a name may not hold
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Nova's formats (nova/api/validation/validators.py), as this cloud has always checked them. */
const FORMATS: Record<string, (s: string) => boolean> = {
  uuid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  ipv4: (s) => /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(s),
  ipv6: (s) => s.includes(':') && /^[0-9a-f:.]+$/i.test(s),
  ip_address: (s) => /^[\d.]+$/.test(s) || s.includes(':'),
  base64: (s) => s.replace(/\s/g, '').length % 4 === 0 && /^[A-Za-z0-9+/\s]*={0,2}$/.test(s),
  /** parameter_types.name (v2.1): printable, no leading or trailing whitespace. */
  name: (s) => !CONTROL.test(s) && s === s.trim(),
  /** The legacy v2 API's name: the spaces are allowed, a name of spaces only is not. */
  name_with_leading_trailing_spaces: (s) => !CONTROL.test(s) && s.trim() !== '',
  /** A server tag may not start with a dot (spec 23.2). */
  tag_start: (s) => !s.startsWith('.'),
};
for (const ajv of [bodyAjv, wireAjv]) {
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  for (const keyword of NOVA_KEYWORDS) ajv.addKeyword(keyword);
}

const compiled = new Map<string, ValidateFunction>();
function compile(ajv: Ajv, schema: object): ValidateFunction {
  // The same schema serves both API prefixes and several routes: compile it once.
  const key = `${ajv === bodyAjv ? 'body' : 'wire'}|${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
  return validate;
}

/** A Fastify validator compiler that answers failures in Nova's words, or Keystone's. */
export function validatorCompiler(style: 'nova' | 'keystone'): FastifySchemaCompiler<object> {
  return ({ schema, httpPart }) => {
    const body = httpPart === 'body';
    const validate = compile(body ? bodyAjv : wireAjv, schema);
    const messageStyle: MessageStyle = style === 'keystone' ? 'keystone' : body ? 'body' : 'query';
    return (data: unknown) => {
      if (validate(data)) return { value: data };
      return { error: badRequest(schemaErrorMessage(validate.errors!, schema, messageStyle)) };
    };
  };
}

/** Every route's schemas are compiled by the Nova compiler (the identity routes choose Keystone's). */
export default appPlugin('validation', async (app) => {
  app.setValidatorCompiler(validatorCompiler('nova'));
});
