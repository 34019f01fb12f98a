import type { ErrorObject } from 'ajv';

// What a failed schema says, in the words of Nova's JSON-schema validator
// (nova/api/validation/validators.py over python-jsonschema):
//   body:   "Invalid input for field/attribute <field>. Value: <value>. <jsonschema message>"
//   query:  "Invalid input for query parameters <field>. Value: <value>. <jsonschema message>"
//   root:   "<jsonschema message>" (nothing to name)
// and Keystone's: "Invalid input for field '<path>': <jsonschema message>".
//
// A schema node may replace the message of one of its keywords with `errorMessage`, a
// template of {field}, {value}, {repr} and {message} (what jsonschema would have said), for
// the answers Nova writes by hand (`{"errorMessage": {"maxProperties": "Request body
// contains too many items"}}`); {property} is the first unexpected key of additionalProperties.

export type MessageStyle = 'body' | 'query' | 'keystone';

/** Python's repr(), which jsonschema's messages use. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** Python's str(): what Nova prints after "Value:". */
const pyStr = (v: unknown) => (typeof v === 'string' ? v : pyRepr(v));

/** Messages of the formats this cloud registers (plugins/validation.ts). */
const FORMAT_MESSAGES: Record<string, string> = {
  name: "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
  name_with_leading_trailing_spaces:
    "An invalid 'name' value was provided. The name must be: printable characters with at least one non space character",
};
/** Formats whose message names the value. */
const FORMAT_VALUE_MESSAGES: Record<string, (v: unknown) => string> = {
  tag_start: (v) => `${pyRepr(v)} must not start with '.'`,
};

/** jsonschema's message for one failure. */
function jsonschemaMessage(e: ErrorObject, extras: string[]): string {
  const p = e.params as Record<string, unknown>;
  const v = e.data as unknown;
  switch (e.keyword) {
    case 'required':
      return `'${String(p.missingProperty)}' is a required property`;
    case 'additionalProperties':
      return `Additional properties are not allowed (${extras.map((k) => `'${k}'`).join(', ')} ${extras.length > 1 ? 'were' : 'was'} unexpected)`;
    case 'type': {
      const types = Array.isArray(p.type) ? p.type : String(p.type).split(',');
      return `${pyRepr(v)} is not of type ${types.map((t) => `'${t}'`).join(', ')}`;
    }
    case 'minLength':
    case 'minItems':
      return `${pyRepr(v)} is too short`;
    case 'maxLength':
    case 'maxItems':
      return `${pyRepr(v)} is too long`;
    case 'pattern':
      return `${pyRepr(v)} does not match '${String(p.pattern)}'`;
    case 'format':
      return FORMAT_MESSAGES[String(p.format)] ?? FORMAT_VALUE_MESSAGES[String(p.format)]?.(v) ?? `${pyRepr(v)} is not a '${String(p.format)}'`;
    case 'enum':
      return `${pyRepr(v)} is not one of ${pyRepr(p.allowedValues)}`;
    case 'const':
      return `${pyRepr(p.allowedValue)} was expected`;
    case 'minimum':
      return `${pyRepr(v)} is less than the minimum of ${String(p.limit)}`;
    case 'maximum':
      return `${pyRepr(v)} is greater than the maximum of ${String(p.limit)}`;
    case 'minProperties':
      return `${pyRepr(v)} does not have enough properties`;
    case 'maxProperties':
      return `${pyRepr(v)} has too many properties`;
    case 'anyOf':
    case 'oneOf':
      return `${pyRepr(v)} is not valid under any of the given schemas`;
    case 'integerLike':
    case 'booleanLike':
    case 'bootIndex':
      return String(p.text);
    default:
      return e.message ?? 'is invalid';
  }
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segmentsOf = (pointer: string) => pointer.split('/').slice(1).map(unescape);

/** Where a failed keyword stands in the schema: the position of each step of its path among its siblings. */
function schemaPosition(root: unknown, schemaPath: string): number[] {
  const out: number[] = [];
  let node = root;
  for (const step of segmentsOf(schemaPath.replace(/^#/, ''))) {
    const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
    out.push(keys.indexOf(step));
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
  }
  return out;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * The error a client is told about. Nova raises the first error python-jsonschema meets,
 * walking the schema's keywords in the order they are written (type, properties in their
 * order and depth first, required, additionalProperties ...): the failure that comes first
 * in the schema, items in index order. Failures inside one branch of an anyOf stand behind
 * the anyOf itself.
 */
function firstError(errors: ErrorObject[], schema: object): ErrorObject {
  const candidates = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath));
  const pool = candidates.length ? candidates : errors;
  // Ajv reports array items in index order: a stable sort keeps it.
  return pool
    .map((e, i) => ({ e, i, at: schemaPosition(schema, e.schemaPath) }))
    .sort((a, b) => compare(a.at, b.at) || a.i - b.i)[0].e;
}

/** The message of a failed validation, in the given style. */
export function schemaErrorMessage(errors: ErrorObject[], schema: object, style: MessageStyle): string {
  const e = firstError(errors, schema);
  // jsonschema lists every unexpected key of an object in one message.
  const extras =
    e.keyword === 'additionalProperties'
      ? errors
          .filter((x) => x.keyword === 'additionalProperties' && x.instancePath === e.instancePath)
          .map((x) => String((x.params as { additionalProperty: string }).additionalProperty))
      : [];
  const message = jsonschemaMessage(e, extras);
  const path = segmentsOf(e.instancePath);
  // The name of the field: the innermost property, not an array index (networks, not 0).
  const field = [...path].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
  const template = (e.parentSchema as { errorMessage?: Record<string, string> } | undefined)?.errorMessage?.[e.keyword];
  if (template) {
    const values: Record<string, string> = { field, value: pyStr(e.data), repr: pyRepr(e.data), message, property: extras[0] ?? '' };
    return template.replace(/\{(field|value|repr|message|property)\}/g, (_, k: string) => values[k]);
  }
  if (style === 'keystone') return path.length > 1 ? `Invalid input for field '${path.slice(1).join('/')}': ${message}` : message;
  if (path.length === 0) return message;
  const where = style === 'query' ? 'query parameters' : 'field/attribute';
  return `Invalid input for ${where} ${field}. Value: ${pyStr(e.data)}. ${message}`;
}
