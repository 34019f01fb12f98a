import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import { boolFromString } from '../booleans.ts';
import { pyRepr } from './schema-errors.ts';

/**
 * Schema keywords for the values Nova reads leniently (its parameter_types and code): an
 * integer given as a number or a string of digits, a boolean spelled as oslo's
 * bool_from_string knows it, a boot index anything that makes a number. Each failure
 * carries its message in `params.text`.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each keyword's schema has its own shape
type Check = (schema: any, data: unknown) => string | null;

function keyword(name: string, check: Check): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (schema, data): boolean => {
    const text = check(schema, data);
    validate.errors = text === null ? undefined : [{ keyword: name, params: { text } }];
    return text === null;
  };
  return { keyword: name, errors: true, validate };
}

/** `{"integerLike": {"minimum": 1}}`: an integer, or a string of one, within the bounds. */
const integerLike = keyword('integerLike', (schema: { minimum: number; maximum?: number }, v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) return `${pyRepr(v)} is not of type 'integer', 'string'`;
  if (n < schema.minimum) return `${pyRepr(v)} is less than the minimum of ${schema.minimum}`;
  if (schema.maximum !== undefined && n > schema.maximum) return `${pyRepr(v)} is greater than the maximum of ${schema.maximum}`;
  return null;
});

const BOOLEAN_ENUM = "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']";

/** `{"booleanLike": true}`: a boolean, or what oslo's bool_from_string reads as one. */
const booleanLike = keyword('booleanLike', (_schema: true, v) => {
  return boolFromString(v) === undefined ? `${pyRepr(v)} is not one of ${BOOLEAN_ENUM}` : null;
});

/** `{"bootIndex": true}`: block_device_mapping_v2's boot_index, anything that makes an integer. */
const bootIndex = keyword('bootIndex', (_schema: true, v) =>
  v === null || Number.isInteger(Number(v)) ? null : `${JSON.stringify(v)} is not of type 'integer', 'string', 'null'`,
);

export const NOVA_KEYWORDS = [integerLike, booleanLike, bootIndex];
