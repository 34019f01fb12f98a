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
// contains too many items"}}`).

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
      return FORMAT_MESSAGES[String(p.format)] ?? `${pyRepr(v)} is not a '${String(p.format)}'`;
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
    default:
      return e.message ?? 'is invalid';
  }
}

/** Which failure a request hears about when there are several at one depth (Nova's hand checks count keys first). */
const PRIORITY = [
  'type', 'minProperties', 'maxProperties', 'additionalProperties', 'required', 'enum', 'const', 'minLength', 'maxLength',
  'pattern', 'format', 'minimum', 'maximum', 'minItems', 'maxItems', 'not', 'anyOf', 'oneOf',
];
const rank = (keyword: string) => {
  const i = PRIORITY.indexOf(keyword);
  return i < 0 ? PRIORITY.length : i;
};
const segmentsOf = (pointer: string) => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * The error a client is told about: the shallowest (as jsonschema's best_match prefers),
 * then by keyword (PRIORITY);
 * failures inside one branch of an anyOf stand behind the anyOf itself.
 */
function bestMatch(errors: ErrorObject[]): ErrorObject {
  const candidates = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath));
  const pool = candidates.length ? candidates : errors;
  return pool.reduce((best, e) => {
    const depth = segmentsOf(e.instancePath).length - segmentsOf(best.instancePath).length;
    if (depth !== 0) return depth < 0 ? e : best;
    return rank(e.keyword) < rank(best.keyword) ? e : best;
  });
}

/** The message of a failed validation, in the given style. */
export function schemaErrorMessage(errors: ErrorObject[], style: MessageStyle): string {
  const e = bestMatch(errors);
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
    return template.replace(/\{(field|value|repr|message)\}/g, (_, k: string) =>
      k === 'field' ? field : k === 'value' ? pyStr(e.data) : k === 'repr' ? pyRepr(e.data) : message,
    );
  }
  if (style === 'keystone') return path.length > 1 ? `Invalid input for field '${path.slice(1).join('/')}': ${message}` : message;
  if (path.length === 0) return message;
  const where = style === 'query' ? 'query parameters' : 'field/attribute';
  return `Invalid input for ${where} ${field}. Value: ${pyStr(e.data)}. ${message}`;
}
