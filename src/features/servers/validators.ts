/**
 * Field checks of the servers API, from the spec (4.2 table 4-3, 4-4, 4-7; 14.3; 23.2/23.4)
 * and Nova's request schemas where the spec says less. Each returns null when the value is
 * fine, or a problem `{ key, values }` the UI translates as `servers.validation.<key>`.
 */

export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

const problem = (key: string, values?: Problem['values']): Problem => ({ key, values });

const encoder = new TextEncoder();
export const utf8Length = (text: string): number => encoder.encode(text).length;
const charLength = (text: string): number => [...text].length;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

// ---- name (4.2: "长度大于0小于256字节"; Nova: printable, no blanks at either end) --------------

export const SERVER_NAME_MAX_BYTES = 255;

export function validateServerName(name: string): Problem | null {
  if (name.length === 0) return problem('required');
  if (name.trim() === '') return problem('blank');
  if (name !== name.trim()) return problem('nameSpaces');
  if (CONTROL.test(name)) return problem('printable');
  const bytes = utf8Length(name);
  if (bytes > SERVER_NAME_MAX_BYTES) return problem('tooManyBytes', { max: SERVER_NAME_MAX_BYTES, actual: bytes });
  return null;
}

// ---- user data (4.2: base64, "字符串长度小于65535") ------------------------------------------

/** Nova's user_data maxLength: the length of the base64 text, not of the raw data. */
export const USER_DATA_MAX_ENCODED = 65_535;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** Base64 of text's UTF-8 bytes (what the API wants for user_data and personality). */
export function encodeBase64(text: string): string {
  return bytesToBase64(encoder.encode(text));
}

export function encodeBase64Bytes(bytes: Uint8Array): string {
  return bytesToBase64(bytes);
}

/** Length of base64 text for n bytes. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

export function validateUserData(text: string): Problem | null {
  if (!text) return null;
  const encoded = base64Length(utf8Length(text));
  if (encoded > USER_DATA_MAX_ENCODED) {
    return problem('userDataTooLarge', { max: USER_DATA_MAX_ENCODED, actual: encoded });
  }
  return null;
}

/** For data already in base64 (a file read as base64). */
export function validateUserDataBase64(encoded: string): Problem | null {
  if (!isBase64(encoded)) return problem('notBase64');
  if (encoded.length > USER_DATA_MAX_ENCODED) return problem('userDataTooLarge', { max: USER_DATA_MAX_ENCODED, actual: encoded.length });
  return null;
}

export function isBase64(text: string): boolean {
  const compact = text.replace(/\s/g, '');
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

// ---- metadata (4.2: key 1..255 bytes, value 0..255 bytes; Nova: key characters; quota) -------

export const METADATA_KEY_MAX = 255;
export const METADATA_VALUE_MAX = 255;
const METADATA_KEY = /^[a-zA-Z0-9-_:. ]+$/;

export function validateMetadataKey(key: string): Problem | null {
  if (key.length === 0) return problem('metadataKeyEmpty');
  if (utf8Length(key) > METADATA_KEY_MAX) return problem('metadataKeyTooLong', { max: METADATA_KEY_MAX });
  if (!METADATA_KEY.test(key)) return problem('metadataKeyChars');
  return null;
}

export function validateMetadataValue(value: string): Problem | null {
  if (utf8Length(value) > METADATA_VALUE_MAX) return problem('metadataValueTooLong', { max: METADATA_VALUE_MAX });
  return null;
}

export interface MetadataEntry {
  key: string;
  value: string;
}

/** Problems of a metadata list, by row (`key` / `value`) and for the whole (`count`, `duplicate`). */
export function validateMetadata(
  entries: readonly MetadataEntry[],
  maxItems?: number,
): { rows: Array<{ key: Problem | null; value: Problem | null }>; whole: Problem | null } {
  const seen = new Set<string>();
  let duplicate: string | null = null;
  const rows = entries.map((entry) => {
    const keyProblem = validateMetadataKey(entry.key);
    if (!keyProblem) {
      if (seen.has(entry.key)) duplicate ??= entry.key;
      seen.add(entry.key);
    }
    return {
      key: keyProblem ?? (duplicate === entry.key ? problem('metadataDuplicate', { key: entry.key }) : null),
      value: validateMetadataValue(entry.value),
    };
  });
  let whole: Problem | null = null;
  if (maxItems !== undefined && maxItems >= 0 && entries.length > maxItems) {
    whole = problem('metadataTooMany', { max: maxItems, actual: entries.length });
  }
  return { rows, whole };
}

// ---- tags (23.2, 23.4: ≤50 tags, ≤80 characters, no leading '.', not empty; Nova: no ',' '/') --

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 80;

export function validateTag(tag: string): Problem | null {
  if (tag.length === 0) return problem('tagEmpty');
  if (charLength(tag) > MAX_TAG_LENGTH) return problem('tagTooLong', { max: MAX_TAG_LENGTH });
  if (tag.startsWith('.')) return problem('tagLeadingDot');
  if (/[,/]/.test(tag)) return problem('tagChars');
  if (CONTROL.test(tag)) return problem('printable');
  return null;
}

/** The first problem of a tag list (each tag, then the count), or null. */
export function validateTags(tags: readonly string[], existing = 0): Problem | null {
  for (const tag of tags) {
    const found = validateTag(tag);
    if (found) return { ...found, values: { ...found.values, tag } };
  }
  const total = new Set(tags).size + existing;
  if (total > MAX_TAGS) return problem('tagsTooMany', { max: MAX_TAGS, actual: total });
  return null;
}

// ---- personality (table 4-4; Nova quotas injected_files, *_content_bytes, *_path_bytes) -----

export interface PersonalityFile {
  path: string;
  /** The file's text (encoded to base64 on sending). */
  contents: string;
}

export const PERSONALITY_PATH_MAX = 255;

export function validatePersonality(
  files: readonly PersonalityFile[],
  limits: { maxFiles?: number; maxBytes?: number } = {},
): { rows: Array<{ path: Problem | null; contents: Problem | null }>; whole: Problem | null } {
  const rows = files.map((file) => {
    let pathProblem: Problem | null = null;
    if (!file.path.trim()) pathProblem = problem('required');
    else if (utf8Length(file.path) > PERSONALITY_PATH_MAX) pathProblem = problem('pathTooLong', { max: PERSONALITY_PATH_MAX });
    const size = utf8Length(file.contents);
    const contentsProblem =
      limits.maxBytes !== undefined && limits.maxBytes >= 0 && size > limits.maxBytes
        ? problem('fileTooLarge', { max: limits.maxBytes, actual: size })
        : null;
    return { path: pathProblem, contents: contentsProblem };
  });
  const whole =
    limits.maxFiles !== undefined && limits.maxFiles >= 0 && files.length > limits.maxFiles
      ? problem('tooManyFiles', { max: limits.maxFiles, actual: files.length })
      : null;
  return { rows, whole };
}

// ---- key pair name (14.3: ≤255, only '_', '-', digits and letters) ---------------------------

export function validateKeypairName(name: string): Problem | null {
  if (!name) return problem('required');
  if (name.length > 255) return problem('tooLong', { max: 255 });
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return problem('keypairChars');
  return null;
}

// ---- IP addresses (4.2 table 4-7: fixed_ip inside the network's subnet) ----------------------

export function parseIPv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255 || (part.length > 1 && part.startsWith('0'))) return null;
    value = value * 256 + octet;
  }
  return value;
}

export interface Cidr {
  network: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | null {
  const [address, prefixText] = text.trim().split('/');
  const base = parseIPv4(address ?? '');
  const prefix = Number(prefixText);
  if (base === null || !/^\d{1,2}$/.test(prefixText ?? '') || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { network: Math.floor(base / size) * size, prefix };
}

/**
 * A fixed IP for a network: a valid IPv4 address inside the CIDR, not its network or
 * broadcast address (for prefixes that have them), and not the gateway.
 */
export function validateFixedIp(ip: string, cidr: string | null | undefined, gateway?: string | null): Problem | null {
  if (!ip.trim()) return null;
  const value = parseIPv4(ip);
  if (value === null) return problem('ipInvalid');
  if (!cidr) return null;
  const range = parseCidr(cidr);
  if (!range) return null;
  const size = 2 ** (32 - range.prefix);
  if (value < range.network || value >= range.network + size) return problem('ipOutsideCidr', { cidr });
  if (range.prefix <= 30 && (value === range.network || value === range.network + size - 1)) {
    return problem('ipReserved', { cidr });
  }
  if (gateway && parseIPv4(gateway) === value) return problem('ipGateway', { gateway });
  return null;
}

export const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function validateUuid(value: string): Problem | null {
  if (!value) return null;
  return UUID.test(value.trim()) ? null : problem('uuid');
}

// ---- boot volume ------------------------------------------------------------------------

/** A new boot volume: a whole number of GB, at least the image's min_disk and the flavor's disk. */
export function validateVolumeSize(size: number | string, minGb: number): Problem | null {
  const value = typeof size === 'number' ? size : Number(size);
  if (!Number.isInteger(value) || value < 1) return problem('volumeSizeInteger');
  if (value < minGb) return problem('volumeSizeTooSmall', { min: minGb });
  return null;
}
