// oslo's strutils.bool_from_string, which Nova reads its booleans with: these spellings, in
// any case, and nothing else.

const TRUE_STRINGS = new Set(['1', 't', 'true', 'on', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'f', 'false', 'off', 'n', 'no']);

/** true or false for a spelling oslo knows, undefined for any other value. */
export function boolFromString(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  return TRUE_STRINGS.has(s) ? true : FALSE_STRINGS.has(s) ? false : undefined;
}

/** True only for a spelling of true (absent or unknown is false). */
export const isTrue = (v: unknown): boolean => v !== undefined && boolFromString(v) === true;
