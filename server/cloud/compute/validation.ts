import { badRequest } from '../errors.ts';

// Request-body checks that answer with the messages of Nova's JSON-schema validator
// (nova/api/validation/validators.py): "Invalid input for field/attribute <field>.
// Value: <value>. <jsonschema message>", so a client sees what it would see from Nova.

export type Obj = Record<string, unknown>;

/** Python's repr(), which jsonschema's messages use. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Obj).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}
const pyStr = (v: unknown) => (typeof v === 'string' ? v : pyRepr(v));

export function invalid(field: string, value: unknown, message: string) {
  return badRequest(`Invalid input for field/attribute ${field}. Value: ${pyStr(value)}. ${message}`);
}

const TYPE_NAMES: Record<string, string> = { string: "'string'", object: "'object'", array: "'array'", integer: "'integer'", boolean: "'boolean'" };

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The top-level envelope of an action or create body: `{ "<key>": {...} }`. */
export function envelope(body: unknown, key: string, opts: { allowNull?: boolean; extraKeys?: string[] } = {}): Obj {
  if (!isObj(body)) throw badRequest(`Invalid input for field/attribute ${key}. Value: ${pyStr(body)}. ${pyRepr(body)} is not of type 'object'`);
  if (!(key in body)) throw badRequest(`'${key}' is a required property`);
  onlyKeys(body, [key, ...(opts.extraKeys ?? [])], key, body);
  const inner = body[key];
  if (inner === null && opts.allowNull) return {};
  if (!isObj(inner)) throw invalid(key, inner, `${pyRepr(inner)} is not of type 'object'`);
  return inner;
}

export function onlyKeys(o: Obj, allowed: readonly string[], field: string, shown: unknown = o): void {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    const list = extra.map((k) => `'${k}'`).join(', ');
    throw invalid(field, shown, `Additional properties are not allowed (${list} ${extra.length > 1 ? 'were' : 'was'} unexpected)`);
  }
}

export function requireKeys(o: Obj, keys: readonly string[], field: string): void {
  for (const k of keys) if (!(k in o)) throw invalid(field, o, `'${k}' is a required property`);
}

export function typeError(field: string, value: unknown, type: keyof typeof TYPE_NAMES | string) {
  return invalid(field, value, `${pyRepr(value)} is not of type ${TYPE_NAMES[type] ?? `'${type}'`}`);
}

interface StrOpts {
  min?: number;
  max?: number;
  pattern?: RegExp;
  nullable?: boolean;
  format?: 'uuid' | 'ipv4' | 'ipv6' | 'base64';
}

const FORMATS: Record<NonNullable<StrOpts['format']>, (s: string) => boolean> = {
  uuid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  ipv4: (s) => /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(s),
  ipv6: (s) => s.includes(':') && /^[0-9a-f:.]+$/i.test(s),
  base64: (s) => s.replace(/\s/g, '').length % 4 === 0 && /^[A-Za-z0-9+/\s]*={0,2}$/.test(s),
};

/** A string field; returns undefined when absent (or null when nullable and null). */
export function str(o: Obj, key: string, opts: StrOpts = {}): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (v === null && opts.nullable) return undefined;
  if (typeof v !== 'string') throw typeError(key, v, 'string');
  checkString(key, v, opts);
  return v;
}

export function checkString(field: string, v: string, opts: StrOpts): void {
  // jsonschema counts characters (code points), as Python's len() does.
  const len = [...v].length;
  if (opts.min !== undefined && len < opts.min) throw invalid(field, v, `${pyRepr(v)} is too short`);
  if (opts.max !== undefined && len > opts.max) throw invalid(field, v, `${pyRepr(v)} is too long`);
  if (opts.pattern && !opts.pattern.test(v)) throw invalid(field, v, `${pyRepr(v)} does not match '${opts.pattern.source}'`);
  if (opts.format && !FORMATS[opts.format](v)) throw invalid(field, v, `${pyRepr(v)} is not a '${opts.format}'`);
}

/**
 * Nova's parameter_types.name (v2.1): 1-255 printable characters, no leading or trailing
 * whitespace. The legacy v2 API (name_with_leading_trailing_spaces) allows the spaces but
 * still wants one non-space character.
 */
export function checkName(field: string, v: unknown, legacy: boolean, max = 255): string {
  if (typeof v !== 'string') throw typeError(field, v, 'string');
  checkString(field, v, { min: 1, max });
  // eslint-disable-next-line no-control-regex
  const printable = !/[\u0000-\u001f\u007f]/.test(v);
  if (legacy) {
    if (!printable || v.trim() === '') {
      throw badRequest(
        `Invalid input for field/attribute ${field}. Value: ${v}. An invalid 'name' value was provided. The name must be: printable characters with at least one non space character`,
      );
    }
  } else if (!printable || v !== v.trim()) {
    throw badRequest(
      `Invalid input for field/attribute ${field}. Value: ${v}. An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.`,
    );
  }
  return v;
}

/** Nova's parameter_types.positive_integer and friends: an int or a string of digits. */
export function intLike(o: Obj, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw invalid(key, v, `${pyRepr(v)} is not of type 'integer', 'string'`);
  if (n < min) throw invalid(key, v, `${pyRepr(v)} is less than the minimum of ${min}`);
  if (n > max) throw invalid(key, v, `${pyRepr(v)} is greater than the maximum of ${max}`);
  return n;
}

/** Nova's parameter_types.boolean: JSON booleans and the strings oslo's bool_from_string knows. */
export function boolLike(o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['true', '1', 't', 'on', 'y', 'yes'].includes(s)) return true;
  if (['false', '0', 'f', 'off', 'n', 'no'].includes(s)) return false;
  throw invalid(key, v, `${pyRepr(v)} is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']`);
}

/**
 * Nova's parameter_types.metadata: keys 1-255 characters of [a-zA-Z0-9-_:. ], string values
 * of at most 255 characters, no other properties.
 */
const METADATA_KEY = /^[a-zA-Z0-9-_:. ]{1,255}$/;
export function checkMetadata(field: string, v: unknown): Record<string, string> {
  if (!isObj(v)) throw typeError(field, v, 'object');
  for (const [k, val] of Object.entries(v)) {
    if (!METADATA_KEY.test(k)) throw invalid(field, v, `Additional properties are not allowed ('${k}' was unexpected)`);
    if (typeof val !== 'string') throw typeError(k, val, 'string');
    if ([...val].length > 255) throw invalid(k, val, `${pyRepr(val)} is too long`);
  }
  return v as Record<string, string>;
}

/** The id at the end of a reference that may be a URL (imageRef, flavorRef). */
export function idFromRef(ref: string): string {
  const trimmed = ref.replace(/\/+$/, '');
  return trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed;
}
