import { badRequest } from '../../errors.ts';
import { MAX_LIMIT } from '../../pagination.ts';

/**
 * The proxy APIs (images, os-volumes, os-snapshots, os-networks, os-security-groups,
 * os-security-group-rules) were removed at microversion 2.36. This cloud stops at 2.26, so
 * the range never closes today; it keeps the rule explicit if the maximum moves.
 */
export const PROXY_API = { until: '2.35' };

export type Query = Record<string, string | string[] | undefined>;
/** webob's MultiDict.get, which Nova reads parameters with, answers the last of repeated ones. */
export const last = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v);
/** A query parameter given once or repeated. */
export const stringOrList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

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
export function limited<T>(items: T[], query: unknown): T[] {
  const q = (query ?? {}) as Query;
  const offset = nonNegative('offset', last(q.offset)) ?? 0;
  const limit = Math.min(MAX_LIMIT, nonNegative('limit', last(q.limit)) || MAX_LIMIT);
  return items.slice(offset, offset + limit);
}

export const offsetLimitQuery = { type: 'object', properties: { limit: stringOrList, offset: stringOrList } };
