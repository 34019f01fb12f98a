import { badRequest, forbidden } from './errors.ts';

/** nova-api.conf's osapi_max_limit. */
const MAX_LIMIT = 1000;

export interface PageQuery {
  limit?: string | number;
  marker?: string;
}

/**
 * The page size a `limit` asks for: osapi_max_limit when absent, 400 when it is not a
 * non-negative integer, 403 above osapi_max_limit (the spec's rule, section 3.1).
 */
export function pageLimit(limit: string | number | undefined): number {
  if (limit === undefined || limit === '') return MAX_LIMIT;
  const n = Number(limit);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid input for field/attribute limit. Value: ${limit}.`);
  if (n > MAX_LIMIT) throw forbidden(`limit ${n} exceeds osapi_max_limit ${MAX_LIMIT}.`);
  return n;
}

/** Nova's answer to a marker that names nothing in the list. */
export const markerNotFound = (marker: string) => badRequest(`marker [${marker}] not found`);

/**
 * limit/marker paging of a list held whole, as section 3.1 describes: the page after the
 * marker (400 when it is not in the list), and a `next` marker when more items follow.
 */
export function paginate<T>(
  items: T[],
  query: PageQuery,
  idOf: (item: T) => string,
): { page: T[]; nextMarker: string | null } {
  const limit = pageLimit(query.limit);
  let start = 0;
  if (query.marker !== undefined) {
    const idx = items.findIndex((i) => idOf(i) === query.marker);
    if (idx < 0) throw markerNotFound(query.marker);
    start = idx + 1;
  }
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { page, nextMarker: more && page.length > 0 ? idOf(page[page.length - 1]) : null };
}

/** Query parameters as Fastify parses them: one value, or several when repeated. */
export type Query = Record<string, string | string[] | undefined>;

/** webob's MultiDict.get, which Nova reads parameters with, answers the last of repeated ones. */
export const last = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v);

function nonNegative(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\s*[-+]?\d+\s*$/.test(v)) throw badRequest(`${name} param must be an integer`);
  const n = Number(v);
  if (n < 0) throw badRequest(`${name} param must be positive`);
  return n;
}

/**
 * Nova's common.limited, the offset/limit paging of the older proxy lists (volumes,
 * snapshots, security groups): no links, limit 0 or absent means osapi_max_limit.
 */
export function limited<T>(items: T[], query: Query): T[] {
  const offset = nonNegative('offset', last(query.offset)) ?? 0;
  const limit = Math.min(MAX_LIMIT, nonNegative('limit', last(query.limit)) || MAX_LIMIT);
  return items.slice(offset, offset + limit);
}
