import { badRequest } from '../errors.ts';
import { isoNow } from '../ids.ts';
import type { Query } from '../pagination.ts';
import { isImageApiField, type ImageApiCondition } from '../repositories/images.ts';

// The query of GET /v2/images as Glance reads it (glance/api/v2/images.py RequestDeserializer
// and ImagesController.index, glance/db/sqlalchemy/api.py), with Glance's messages.

/** Glance's sort keys, in the order its error message lists them. */
const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
type SortKey = (typeof SORT_KEYS)[number];
type SortDir = 'asc' | 'desc';

/** limit_param_default and api_limit_max of glance-api.conf. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

/** Parameters the deserializer takes out; every other one is a filter. */
const NOT_FILTERS = new Set(['limit', 'marker', 'member_status', 'tag', 'sort', 'sort_key', 'sort_dir', 'deleted']);
/** Filters that take an operator: `name=in:a,b`. */
const OPERATOR_FILTERS = new Set(['name', 'id', 'status', 'container_format', 'disk_format']);

export interface ImageListQuery {
  limit: number;
  marker?: string;
  sort: { key: SortKey; dir: SortDir }[];
  /** `visibility` as given (`all`: every visibility), or undefined. */
  visibility?: string;
  conditions: ImageApiCondition[];
}

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** webob's MultiDict: pop() takes the first of repeated values, get() the last. */
const first = (v: string | string[] | undefined) => all(v)[0];
const last = (v: string | string[] | undefined) => all(v).at(-1);

/** oslo's parse_isotime (iso8601): a date, or a date and time, UTC unless a zone is given; ms since the epoch. */
function parseIsoTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const zone = !m[3] || m[3].toUpperCase() === 'Z' ? 'Z' : m[3].length === 3 ? `${m[3]}:00` : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** glance.common.utils.split_filter_op: `in:a,b` → ['in', 'a,b']; an ISO time keeps its colons. */
function splitFilterOp(expression: string): [string, string] {
  const at = expression.indexOf(':');
  if (at < 0 || parseIsoTime(expression) !== undefined) return ['eq', expression];
  return [expression.slice(0, at), expression.slice(at + 1)];
}

/** glance.common.utils.split_filter_value_for_quotes: `a,"b,c"` → ['a', 'b,c'], quotes checked first. */
function splitFilterValues(value: string): string[] {
  let open = true;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '"' || (i > 0 && value[i - 1] === '\\')) continue;
    if (open && i > 0 && value[i - 1] !== ',') throw badRequest(`Invalid filter value ${value}. There is no comma before opening quotation mark.`);
    if (!open && i + 1 !== value.length && value[i + 1] !== ',') throw badRequest(`Invalid filter value ${value}. There is no comma after closing quotation mark.`);
    open = !open;
  }
  if (!open) throw badRequest(`Invalid filter value ${value}. The quote is not closed.`);
  return [...value.matchAll(/"([^"\\]*(?:\\.[^"\\]*)*)",?|([^,]+),?|,/g)].map((m) => m[1] || m[2] || '');
}

function validateLimit(text: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw badRequest('limit param must be an integer');
  const n = Number(text);
  if (n < 0) throw badRequest('limit param must be positive');
  return n;
}

function sortKey(key: string): SortKey {
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
  }
  return key as SortKey;
}
function sortDir(dir: string): SortDir {
  if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Invalid sort direction: ${dir}`);
  return dir;
}

/**
 * Glance's two sorting syntaxes: `sort=name:asc,size` and `sort_key=name&sort_dir=asc`
 * (repeatable; one direction serves every key). Default: created_at desc.
 */
function sorting(q: Query): ImageListQuery['sort'] {
  const keys: SortKey[] = [];
  const dirs: SortDir[] = [];
  const sort = first(q.sort);
  if (sort !== undefined) {
    if (q.sort_key !== undefined || q.sort_dir !== undefined) throw badRequest('Old and new sorting syntax cannot be combined');
    for (const part of sort.trim().split(',')) {
      const at = part.indexOf(':');
      keys.push(sortKey((at < 0 ? part : part.slice(0, at)).trim()));
      dirs.push(sortDir((at < 0 ? '' : part.slice(at + 1)).trim() || 'desc'));
    }
  } else {
    keys.push(...all(q.sort_key).map((k) => sortKey(k.trim())));
    dirs.push(...all(q.sort_dir).map((d) => sortDir(d.trim())));
    if (dirs.length > 1 && dirs.length !== keys.length) throw badRequest('Number of sort dirs does not match the number of sort keys');
  }
  if (keys.length === 0) keys.push('created_at');
  const fallback = dirs.length === 1 ? dirs[0] : 'desc';
  const out = keys.map((key, n) => ({ key, dir: dirs[n] ?? fallback }));
  // Glance always ends with created_at and id, so that the order (and the marker) is total.
  for (const key of ['created_at', 'id'] as const) if (!keys.includes(key)) out.push({ key, dir: fallback });
  return out;
}

/** A boolean filter Glance takes as 'true' or 'false' only. */
function booleanFilter(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') {
    throw badRequest(`Invalid value '${value}' for '${name}' filter. Valid values are 'true' or 'false'.`);
  }
  return value === 'true';
}

const TIME_OPS = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']);

/** One filter parameter as a condition (glance/db/sqlalchemy/api.py, _make_conditions_from_filters). */
function condition(key: string, value: string): ImageApiCondition {
  const range = /^(.+)_(min|max)$/.exec(key);
  if (range && isImageApiField(range[1])) {
    if (!/^\s*[-+]?\d+\s*$/.test(value)) throw badRequest('Unable to filter on a range with a non-numeric value.');
    return { field: range[1], op: range[2] === 'min' ? 'gte' : 'lte', value: Number(value) };
  }
  if (key === 'created_at' || key === 'updated_at') {
    const [op, time] = splitFilterOp(value);
    const ms = parseIsoTime(time);
    if (ms === undefined) throw badRequest(`Bad "${key}" query filter format. Use ISO 8601 DateTime notation.`);
    if (!TIME_OPS.has(op)) throw badRequest('Unable to filter on a unknown operator.');
    return { field: key, op: op as 'eq', value: isoNow(ms) };
  }
  if (OPERATOR_FILTERS.has(key) && isImageApiField(key)) {
    const [op, threshold] = splitFilterOp(value);
    if (op === 'in') return { field: key, op: 'in', values: splitFilterValues(threshold) };
    if (op !== 'eq') throw badRequest(`Unable to filter by unknown operator '${op}'.`);
    return { field: key, op: 'eq', value: threshold };
  }
  if (isImageApiField(key)) return { field: key, op: 'eq', value };
  return { property: key, value };
}

/** GET /v2/images's query, checked in Glance's order, with its messages. */
export function imageListQuery(q: Query): ImageListQuery {
  const visibility = last(q.visibility);
  if (visibility && !['community', 'public', 'private', 'shared', 'all'].includes(visibility)) {
    throw badRequest(`Invalid visibility value: ${visibility}`);
  }
  if (last(q['changes-since'])) throw badRequest('The "changes-since" filter is no longer available on v2.');
  const memberStatus = first(q.member_status) ?? 'accepted';
  if (!['pending', 'accepted', 'rejected', 'all'].includes(memberStatus)) throw badRequest(`Invalid status: ${memberStatus}`);
  const limitText = first(q.limit);
  const limit = Math.min(MAX_LIMIT, limitText === undefined ? DEFAULT_LIMIT : validateLimit(limitText));
  const sort = sorting(q);

  const conditions: ImageApiCondition[] = [];
  const hidden = booleanFilter('os_hidden', (last(q.os_hidden) ?? 'false').toLowerCase());
  conditions.push({ field: 'os_hidden', op: 'eq', value: hidden });
  const isProtected = last(q.protected);
  if (isProtected !== undefined) conditions.push({ field: 'protected', op: 'eq', value: booleanFilter('protected', isProtected) });
  for (const tag of all(q.tag)) conditions.push({ tag: tag.trim() });
  for (const [key, raw] of Object.entries(q)) {
    const value = last(raw);
    if (value === undefined || NOT_FILTERS.has(key) || ['visibility', 'os_hidden', 'protected', 'changes-since'].includes(key)) continue;
    conditions.push(condition(key, value));
  }
  return { limit, marker: first(q.marker), sort, visibility, conditions };
}
