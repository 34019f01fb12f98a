/**
 * Every field rule of the compute API the console checks before sending, written once: from
 * the spec (chapters 4, 5, 10, 12, 13, 14, 23) and Nova's request schemas where the spec says
 * less. Each rule returns null when the value is fine, or a `Problem` whose key is the i18n key
 * of its message (`validation.<rule>`, in locales/<language>/validation.json) with its values.
 * Forms use the rules directly, or in a zod schema through `refineWith` (@mantine/form's
 * schemaResolver; `translateInputErrors` says the problem in the UI language).
 */
import { problemMessage } from './form-errors';

export interface Problem {
  /** i18n key of the message: `t(problem.key, problem.values)`. */
  key: string;
  values?: Record<string, string | number>;
}

const problem = (rule: string, values?: Problem['values']): Problem => ({ key: `validation.${rule}`, values });

const encoder = new TextEncoder();
export const utf8Length = (text: string): number => encoder.encode(text).length;
const charLength = (text: string): number => [...text].length;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

// ---- names (4.2/4.6: 1–255 bytes; 5.5 images: 242; 5.6 rebuild: 254; Nova: printable, no outer blanks)

export const NAME_MAX_BYTES = 255;

export function nameProblem(name: string, maxBytes = NAME_MAX_BYTES): Problem | null {
  if (name.length === 0) return problem('required');
  if (name.trim() === '') return problem('blank');
  if (name !== name.trim()) return problem('nameSpaces');
  if (CONTROL.test(name)) return problem('printable');
  const bytes = utf8Length(name);
  if (bytes > maxBytes) return problem('tooManyBytes', { max: maxBytes, actual: bytes });
  return null;
}

/** Description (from 2.19): at most 255 characters (Nova's maxLength counts characters). */
export function descriptionProblem(description: string): Problem | null {
  return charLength(description) > 255 ? problem('tooLong', { max: 255 }) : null;
}

// ---- tags (chapter 23) -----------------------------------------------------------------
// Nova's tag type (1–60 characters, no ',' or '/'; control characters are allowed, as its
// pattern ^[^,/]*$ allows them) and the spec's own limits (not empty, no leading '.', at most
// 50 per server). The spec's 80 characters is more than Nova takes: 60 passes both.

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 60;

/** One tag, to add to a server that has `existing`. */
export function tagProblem(tag: string, existing: readonly string[] = []): Problem | null {
  if (tag.length === 0) return problem('tagEmpty');
  if (charLength(tag) > MAX_TAG_LENGTH) return problem('tagTooLong', { max: MAX_TAG_LENGTH });
  if (tag.startsWith('.')) return problem('tagLeadingDot');
  if (/[,/]/.test(tag)) return problem('tagChars');
  if (existing.includes(tag)) return problem('tagDuplicate');
  if (existing.length >= MAX_TAGS) return problem('tagsTooMany', { max: MAX_TAGS, actual: existing.length + 1 });
  return null;
}

/** A whole list (Replace Server Tags, 23.2): each tag, naming the bad one, then the count. */
export function tagListProblem(tags: readonly string[]): Problem | null {
  for (let i = 0; i < tags.length; i++) {
    const found = tagProblem(tags[i], tags.slice(0, i));
    if (found && found.key !== 'validation.tagsTooMany') return { ...found, values: { ...found.values, tag: tags[i] } };
  }
  return tags.length > MAX_TAGS ? problem('tagsTooMany', { max: MAX_TAGS, actual: tags.length }) : null;
}

// ---- metadata (4.2 table 4-3: keys 1–255 bytes, values ≤ 255 bytes; Nova's key characters) --

export interface MetadataLimits {
  /** Largest key in bytes: 255 for servers (4.2), 254 for images (5.5, 5.6). */
  maxKeyBytes: number;
  maxValueBytes: number;
  /** The project's maxServerMeta (metadata_items quota); -1 or undefined: unlimited. */
  maxItems?: number;
}

export const SERVER_METADATA_LIMITS: MetadataLimits = { maxKeyBytes: 255, maxValueBytes: 255, maxItems: 128 };
export const IMAGE_METADATA_LIMITS: MetadataLimits = { maxKeyBytes: 254, maxValueBytes: 254, maxItems: 128 };

/** Nova's parameter_types.metadata key pattern. */
const METADATA_KEY = /^[a-zA-Z0-9\-_:. ]+$/;

export function metadataKeyProblem(key: string, limits: MetadataLimits = SERVER_METADATA_LIMITS): Problem | null {
  if (key.length === 0) return problem('metadataKeyRequired');
  if (utf8Length(key) > limits.maxKeyBytes) return problem('metadataKeyTooLong', { max: limits.maxKeyBytes });
  if (!METADATA_KEY.test(key)) return problem('metadataKeyChars');
  return null;
}

export function metadataValueProblem(value: string, limits: MetadataLimits = SERVER_METADATA_LIMITS): Problem | null {
  return utf8Length(value) > limits.maxValueBytes ? problem('metadataValueTooLong', { max: limits.maxValueBytes }) : null;
}

export interface MetadataProblems {
  rows: Array<{ key: Problem | null; value: Problem | null }>;
  /** Too many items for the limit. */
  count: Problem | null;
}

/** Each row's problems (a repeated key included) and the count against the limit. */
export function metadataProblems(rows: readonly { key: string; value: string }[], limits: MetadataLimits = SERVER_METADATA_LIMITS): MetadataProblems {
  const seen = new Set<string>();
  const perRow = rows.map((row) => {
    let key = metadataKeyProblem(row.key, limits);
    if (!key && seen.has(row.key)) key = problem('metadataKeyDuplicate', { key: row.key });
    seen.add(row.key);
    return { key, value: metadataValueProblem(row.value, limits) };
  });
  const max = limits.maxItems;
  const count = max !== undefined && max >= 0 && rows.length > max ? problem('metadataTooMany', { max, actual: rows.length }) : null;
  return { rows: perRow, count };
}

/** The first problem of a metadata list (the count, then the rows), or null: whether it may be sent. */
export function metadataListProblem(rows: readonly { key: string; value: string }[], limits: MetadataLimits = SERVER_METADATA_LIMITS): Problem | null {
  const result = metadataProblems(rows, limits);
  return result.count ?? result.rows.map((row) => row.key ?? row.value).find(Boolean) ?? null;
}

// ---- user data and injected files (4.2, table 4-4; Nova's quotas) -----------------------

/** Nova's user_data maxLength: the length of the base64 text, not of the raw data. */
export const USER_DATA_MAX_ENCODED = 65_535;

/** Base64 of bytes (what the API wants for user_data and personality). */
export function encodeBase64Bytes(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  return btoa(binary);
}

/** Base64 of text's UTF-8 bytes. */
export const encodeBase64 = (text: string): string => encodeBase64Bytes(encoder.encode(text));

/** Length of the base64 text for n bytes. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

export function userDataProblem(text: string): Problem | null {
  const encoded = base64Length(utf8Length(text));
  return encoded > USER_DATA_MAX_ENCODED ? problem('userDataTooLarge', { max: USER_DATA_MAX_ENCODED, actual: encoded }) : null;
}

/** User data already in base64 (a file). */
export function userDataBase64Problem(encoded: string): Problem | null {
  const compact = encoded.replace(/\s/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return problem('notBase64');
  if (encoded.length > USER_DATA_MAX_ENCODED) return problem('userDataTooLarge', { max: USER_DATA_MAX_ENCODED, actual: encoded.length });
  return null;
}

const PERSONALITY_PATH_MAX = 255;

/** Injected files: each path and size, and their number (maxPersonality, maxPersonalitySize). */
export function personalityProblems(
  files: readonly { path: string; contents: string }[],
  limits: { maxFiles?: number; maxBytes?: number } = {},
): { rows: Array<{ path: Problem | null; contents: Problem | null }>; count: Problem | null } {
  const limited = (max: number | undefined): max is number => max !== undefined && max >= 0;
  const rows = files.map((file) => {
    let path: Problem | null = null;
    if (!file.path.trim()) path = problem('required');
    else if (utf8Length(file.path) > PERSONALITY_PATH_MAX) path = problem('pathTooLong', { max: PERSONALITY_PATH_MAX });
    const size = utf8Length(file.contents);
    const contents = limited(limits.maxBytes) && size > limits.maxBytes ? problem('fileTooLarge', { max: limits.maxBytes, actual: size }) : null;
    return { path, contents };
  });
  const count = limited(limits.maxFiles) && files.length > limits.maxFiles ? problem('tooManyFiles', { max: limits.maxFiles, actual: files.length }) : null;
  return { rows, count };
}

// ---- key pairs (14.3: at most 255 characters, only letters, digits, '_' and '-') ---------

const KEYPAIR_NAME_MAX = 255;

export function keypairNameProblem(name: string): Problem | null {
  if (!name) return problem('required');
  if (name.length > KEYPAIR_NAME_MAX) return problem('tooLong', { max: KEYPAIR_NAME_MAX });
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return problem('keypairChars');
  return null;
}

// ---- addresses and ids (4.2 table 4-7, 12.1, 13.1) ---------------------------------------

function ipv4ToInt(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function parseIpv4Cidr(text: string): { network: number; prefix: number; size: number } | null {
  const match = /^\s*([0-9.]+)\/(\d{1,2})\s*$/.exec(text);
  const address = match ? ipv4ToInt(match[1]) : null;
  const prefix = Number(match?.[2]);
  if (address === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), prefix, size };
}

/**
 * An optional fixed IP on a network: an IPv4 address; when the network's CIDR is known, inside
 * it and neither its network nor its broadcast address, nor its gateway.
 */
export function fixedIpProblem(ip: string, network?: { cidr?: string | null; gateway?: string | null }): Problem | null {
  if (!ip.trim()) return null;
  const address = ipv4ToInt(ip.trim());
  if (address === null) return problem('ipInvalid');
  const cidr = network?.cidr;
  const range = cidr ? parseIpv4Cidr(cidr) : null;
  if (!cidr || !range) return null;
  if (address < range.network || address >= range.network + range.size) return problem('ipOutsideCidr', { cidr });
  if (range.size > 2 && (address === range.network || address === range.network + range.size - 1)) return problem('ipReserved', { cidr });
  if (network?.gateway && ipv4ToInt(network.gateway) === address) return problem('ipGateway', { gateway: network.gateway });
  return null;
}

export const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Port, volume and server group ids are UUIDs. */
export function uuidProblem(value: string): Problem | null {
  if (!value.trim()) return problem('required');
  return UUID.test(value.trim()) ? null : problem('uuid');
}

/** 12.1 device, optional: `(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$`. */
const DEVICE = /(^\/dev\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$/;

export function deviceProblem(device: string): Problem | null {
  if (!device) return null;
  return DEVICE.test(device) ? null : problem('deviceInvalid');
}

// ---- numbers ------------------------------------------------------------------------------

/** Show Console Output (5.7): lines to fetch. */
export const MAX_CONSOLE_LINES = 10_000;

export function consoleLinesProblem(length: number | string): Problem | null {
  const value = typeof length === 'number' ? length : Number(length);
  if (!Number.isInteger(value) || value < 1) return problem('linesInvalid');
  if (value > MAX_CONSOLE_LINES) return problem('linesTooMany', { max: MAX_CONSOLE_LINES });
  return null;
}

/** A new boot volume: a whole number of GB, at least `minGb`. */
export function volumeSizeProblem(size: number | string, minGb: number): Problem | null {
  const value = typeof size === 'number' ? size : Number(size);
  if (!Number.isInteger(value) || value < 1) return problem('volumeSizeInteger');
  if (value < minGb) return problem('volumeSizeTooSmall', { min: minGb });
  return null;
}

// ---- forms ----------------------------------------------------------------------------------

/** A rule as a field validator of @mantine/form (`validate: { name: formRule(nameProblem) }`). */
export function formRule<T>(rule: (value: T) => Problem | null) {
  return (value: T): string | null => {
    const found = rule(value);
    return found ? problemMessage(found) : null;
  };
}

/** A rule as a zod refinement: `z.string().superRefine(refineWith(nameProblem))`. */
export function refineWith<T>(rule: (value: T) => Problem | null) {
  return (value: T, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }): void => {
    const found = rule(value);
    if (found) ctx.addIssue({ code: 'custom', message: problemMessage(found) });
  };
}
