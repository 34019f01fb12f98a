import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { badRequest } from '../../errors.ts';

/**
 * Request validation that answers as Nova's jsonschema layer does. Bodies are checked
 * strictly (no type coercion, unknown keys refused where the schema says so — Fastify's
 * default Ajv would coerce and silently drop them); query strings and path parameters are
 * strings on the wire, so they are coerced.
 */
const strictAjv = new Ajv({ strict: false, allErrors: false, coerceTypes: false, useDefaults: false });
const wireAjv = new Ajv({ strict: false, allErrors: false, coerceTypes: 'array', useDefaults: true });

/** Python's repr, roughly, since Nova prints values that way. */
function repr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `'${k}': ${repr(x)}`).join(', ')}}`;
  return String(v);
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const part of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

const TYPE_NAMES: Record<string, string> = { integer: 'integer', string: 'string', object: 'object', array: 'array', boolean: 'boolean', number: 'number', null: 'null' };

/** jsonschema's message for one failure, as Nova prints it. */
function jsonschemaMessage(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `'${String(p.missingProperty)}' is a required property`;
    case 'additionalProperties':
      return `Additional properties are not allowed ('${String(p.additionalProperty)}' was unexpected)`;
    case 'type': {
      const t = Array.isArray(p.type) ? p.type : String(p.type).split(',');
      return `${repr(value)} is not of type ${t.map((x) => `'${TYPE_NAMES[x] ?? x}'`).join(', ')}`;
    }
    case 'minLength':
      return `${repr(value)} is too short`;
    case 'maxLength':
      return `${repr(value)} is too long`;
    case 'pattern':
      return `${repr(value)} does not match '${String(p.pattern)}'`;
    case 'enum':
      return `${repr(value)} is not one of ${repr(p.allowedValues)}`;
    case 'minimum':
      return `${repr(value)} is less than the minimum of ${String(p.limit)}`;
    case 'maximum':
      return `${repr(value)} is greater than the maximum of ${String(p.limit)}`;
    case 'minProperties':
      return `${repr(value)} does not have enough properties`;
    case 'maxProperties':
      return `${repr(value)} has too many properties`;
    default:
      return e.message ?? 'is invalid';
  }
}

/** "Invalid input for field/attribute name. Value: ... . '...' is too long" */
export function novaValidationMessage(e: ErrorObject, data: unknown): string {
  const segments = e.instancePath.split('/').filter(Boolean);
  const field = segments.length ? segments[segments.length - 1] : '';
  const value = valueAt(data, e.instancePath);
  const message = jsonschemaMessage(e, value);
  return `Invalid input for field/attribute ${field}. Value: ${repr(value)}. ${message}`;
}

/** Fastify validator compiler for the resources area's route plugins. */
export const novaValidatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const validate: ValidateFunction = (httpPart === 'body' ? strictAjv : wireAjv).compile(schema);
  return (data: unknown) => {
    if (validate(data)) return { value: data };
    const first = validate.errors![0];
    return { error: badRequest(novaValidationMessage(first, data)) };
  };
};

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Checks a body against a schema chosen at request time (bodies whose accepted fields
 * depend on the microversion, as Nova's @validation.schema(min_version=...) does).
 */
export function validateBody<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = strictAjv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(body)) throw badRequest(novaValidationMessage(validate.errors![0], body));
  return body as T;
}
