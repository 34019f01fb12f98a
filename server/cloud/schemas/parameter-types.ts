// Nova's parameter_types (nova/api/validation/parameter_types.py) as the servers area checks
// them, and the envelope every body of that area has. Messages follow Nova's validator;
// where Nova writes a message by hand, `errorMessage` carries it.

/** "Invalid input for field/attribute <field>. Value: ..." with a message of our own. */
export const invalidInput = (message: string) => `Invalid input for field/attribute {field}. Value: {value}. ${message}`;
/** The same, naming a field that the failing place does not (a body's envelope key). */
const invalidInputOf = (field: string) => `Invalid input for field/attribute ${field}. Value: {value}. {message}`;

/** Strings where Nova (or this cloud) also takes null: a wrong type is "not of type 'string'". */
export const nullableString = (extra: object = {}) => ({
  type: ['string', 'null'],
  ...extra,
  errorMessage: { type: invalidInput("{repr} is not of type 'string'") },
});

/** parameter_types.name: 1–255 printable characters; v2.1 refuses leading and trailing whitespace. */
const name = { type: 'string', minLength: 1, maxLength: 255, format: 'name' } as const;
/** The legacy v2 API's name: the spaces are allowed, a name of spaces only is not. */
const legacyName = { type: 'string', minLength: 1, maxLength: 255, format: 'name_with_leading_trailing_spaces' } as const;
/** The name for a request at `version` ('2.0' is the legacy API). */
export const nameAt = (version: string) => (version === '2.0' ? legacyName : name);

/** parameter_types.metadata: keys 1–255 of [a-zA-Z0-9-_:. ], string values of at most 255. */
export const metadata = {
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9-_:. ]{1,255}$': { type: 'string', maxLength: 255 } },
  additionalProperties: false,
} as const;

export const uuid = { type: 'string', format: 'uuid' } as const;
export const accessIPv4 = { type: 'string', format: 'ipv4' } as const;
export const accessIPv6 = { type: 'string', format: 'ipv6' } as const;
export const diskConfig = { enum: ['AUTO', 'MANUAL'] } as const;
/** parameter_types.description (from 2.19): at most 255 characters, or null. */
export const description = nullableString({ maxLength: 255 });
/** A flavor reference: an id, a number, or a URL ending in one; never empty. */
export const flavorRef = {
  type: ['string', 'number'],
  minLength: 1,
  errorMessage: { type: invalidInput("{repr} is not of type 'string'") },
};
export const positiveInteger = { integerLike: { minimum: 1 } } as const;
export const boolean = { booleanLike: true } as const;
/** A device path of the /dev/[x][a-z][d]<letters><digits> form (block devices, attachments). */
export const DEVICE_NAME = '(^\\/dev\\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$';

/**
 * A body `{"<key>": {...}}`, answered as Nova's servers area answers it: a body that is no
 * object, or that holds other keys, names the envelope's key; a missing key is bare.
 */
export function envelope(key: string, inner: object, extraProperties: Record<string, object> = {}) {
  return {
    type: 'object',
    properties: { [key]: { type: 'object', ...inner }, ...extraProperties },
    required: [key],
    additionalProperties: false,
    errorMessage: { type: invalidInputOf(key), additionalProperties: invalidInputOf(key) },
  };
}

/** A null body, or `{}`: the arguments of actions that take none (os-start, unlock ...). */
export const nothing = {
  type: ['null', 'object'],
  maxProperties: 0,
  errorMessage: { type: invalidInput("{repr} is not of type 'null'"), maxProperties: invalidInput("{repr} is not of type 'null'") },
};
