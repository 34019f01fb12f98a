/**
 * The spec's rules for what the detail page sends, checked before sending. Each check returns
 * an i18n key under `server-detail.validation` (with its values), or null when the input is fine.
 */

export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

const problem = (key: string, values?: Problem['values']): Problem => ({ key, values });

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

// --- names (4.6 Update Server, 5.5 Create Image, 5.6 Rebuild) ------------------------------

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A server or image name: 1 to `maxBytes` bytes (4.6: "大于0小于256" → 255; 5.5 images: 242;
 * 5.6 rebuild: 254), printable, no leading or trailing spaces (Nova v2.1's name rule).
 */
export function nameProblem(name: string, maxBytes = 255): Problem | null {
  if (name.length === 0 || name.trim() === '') return problem('nameRequired');
  if (utf8Length(name) > maxBytes) return problem('nameTooLong', { max: maxBytes });
  if (CONTROL.test(name)) return problem('nameNotPrintable');
  if (name !== name.trim()) return problem('nameSpaces');
  return null;
}

/** Description (from 2.19): at most 255 characters. */
export function descriptionProblem(description: string): Problem | null {
  return [...description].length > 255 ? problem('descriptionTooLong', { max: 255 }) : null;
}

// --- tags (chapter 23) ------------------------------------------------------------------

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 80;

/** 23.2 and 23.4: non-empty, ≤80 characters, not starting with '.', no '/' or ',' (Nova's tag type). */
export function tagProblem(tag: string, existing: readonly string[] = []): Problem | null {
  if (tag.length === 0) return problem('tagEmpty');
  if ([...tag].length > MAX_TAG_LENGTH) return problem('tagTooLong', { max: MAX_TAG_LENGTH });
  if (tag.startsWith('.')) return problem('tagLeadingDot');
  if (/[/,]/.test(tag)) return problem('tagForbiddenChar');
  if (existing.includes(tag)) return problem('tagDuplicate');
  if (existing.length >= MAX_TAGS) return problem('tagsTooMany', { max: MAX_TAGS });
  return null;
}

/** The whole list of Replace Server Tags (23.2): every tag valid, at most 50, no repeats. */
export function tagListProblem(tags: readonly string[]): Problem | null {
  if (tags.length > MAX_TAGS) return problem('tagsTooMany', { max: MAX_TAGS });
  for (let i = 0; i < tags.length; i++) {
    const found = tagProblem(tags[i], tags.slice(0, i));
    if (found && found.key !== 'tagsTooMany') return { ...found, values: { ...found.values, tag: tags[i] } };
  }
  return null;
}

/** Tags typed as one text ("web, prod db") → the list; commas and spaces separate. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

// --- metadata (chapter 10; 4.2 table 4-3 for lengths) -------------------------------------

/** Nova's metadata key pattern (parameter_types.metadata). */
const METADATA_KEY = /^[a-zA-Z0-9\-_:. ]+$/;

export interface MetadataLimits {
  /** Largest key in bytes: 255 for servers (4.2), 254 for images (5.5, 5.6). */
  maxKeyBytes: number;
  /** Largest value in bytes: 255. */
  maxValueBytes: number;
  /** The project's `maxServerMeta` (metadata_items quota); -1 or undefined when unlimited. */
  maxItems?: number;
}

export const SERVER_METADATA_LIMITS: MetadataLimits = { maxKeyBytes: 255, maxValueBytes: 255, maxItems: 128 };
export const IMAGE_METADATA_LIMITS: MetadataLimits = { maxKeyBytes: 254, maxValueBytes: 254, maxItems: 128 };

export function metadataKeyProblem(key: string, limits: MetadataLimits = SERVER_METADATA_LIMITS): Problem | null {
  if (key.length === 0) return problem('metaKeyRequired');
  if (utf8Length(key) > limits.maxKeyBytes) return problem('metaKeyTooLong', { max: limits.maxKeyBytes });
  if (!METADATA_KEY.test(key)) return problem('metaKeyChars');
  return null;
}

export function metadataValueProblem(value: string, limits: MetadataLimits = SERVER_METADATA_LIMITS): Problem | null {
  return utf8Length(value) > limits.maxValueBytes ? problem('metaValueTooLong', { max: limits.maxValueBytes }) : null;
}

export interface MetadataRowProblems {
  key: Problem | null;
  value: Problem | null;
}

/** Each row's problems (duplicates included) and the count against the limit. */
export function metadataProblems(
  rows: readonly { key: string; value: string }[],
  limits: MetadataLimits = SERVER_METADATA_LIMITS,
): { rows: MetadataRowProblems[]; count: Problem | null } {
  const seen = new Set<string>();
  const perRow = rows.map((row) => {
    let key = metadataKeyProblem(row.key, limits);
    if (!key && seen.has(row.key)) key = problem('metaKeyDuplicate');
    seen.add(row.key);
    return { key, value: metadataValueProblem(row.value, limits) };
  });
  const max = limits.maxItems;
  const count = max !== undefined && max >= 0 && rows.length > max ? problem('metaTooMany', { max }) : null;
  return { rows: perRow, count };
}

export function hasMetadataProblems(result: ReturnType<typeof metadataProblems>): boolean {
  return Boolean(result.count) || result.rows.some((row) => row.key || row.value);
}

// --- IPv4 and subnets (13.1 fixed_ips) -----------------------------------------------------

export function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export interface Ipv4Cidr {
  /** First address of the block. */
  network: number;
  prefix: number;
  size: number;
}

export function parseIpv4Cidr(text: string): Ipv4Cidr | null {
  const match = /^\s*([0-9.]+)\/(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const address = ipv4ToInt(match[1]);
  const prefix = Number(match[2]);
  if (address === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), prefix, size };
}

/**
 * The fixed IP of Attach Interface (13.1: "must be a valid address of the network's subnet"):
 * an IPv4 address; when the subnet's CIDR is known, inside it and neither its network nor its
 * broadcast address (nor the gateway, when known).
 */
export function fixedIpProblem(ip: string, subnet?: { cidr?: string | null; gateway?: string | null }): Problem | null {
  const address = ipv4ToInt(ip.trim());
  if (address === null) return problem('ipInvalid');
  const cidr = subnet?.cidr ? parseIpv4Cidr(subnet.cidr) : null;
  if (!cidr) return null;
  if (address < cidr.network || address >= cidr.network + cidr.size) return problem('ipOutsideSubnet', { cidr: subnet!.cidr! });
  if (cidr.size > 2 && (address === cidr.network || address === cidr.network + cidr.size - 1)) {
    return problem('ipReserved', { cidr: subnet!.cidr! });
  }
  if (subnet?.gateway && ipv4ToInt(subnet.gateway) === address) return problem('ipGateway');
  return null;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Port and volume ids are UUIDs (13.1 port_id, 12.1 volumeId). */
export function uuidProblem(value: string): Problem | null {
  if (!value.trim()) return problem('required');
  return UUID.test(value.trim()) ? null : problem('uuidInvalid');
}

/** 12.1 device: `(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$`, optional. */
const DEVICE = /(^\/dev\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$/;
export function deviceProblem(device: string): Problem | null {
  if (!device) return null;
  return DEVICE.test(device) ? null : problem('deviceInvalid');
}

// --- console output (5.7) ----------------------------------------------------------------

export const MAX_CONSOLE_LINES = 10_000;

export function consoleLengthProblem(length: number | string): Problem | null {
  const value = typeof length === 'number' ? length : Number(length);
  if (!Number.isInteger(value) || value < 1) return problem('linesInvalid');
  if (value > MAX_CONSOLE_LINES) return problem('linesTooMany', { max: MAX_CONSOLE_LINES });
  return null;
}
