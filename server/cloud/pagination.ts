import { badRequest, forbidden } from './errors.ts';
import type { RequestContext } from './context.ts';

/** nova-api.conf's osapi_max_limit. */
export const MAX_LIMIT = 1000;

export interface PageQuery {
  limit?: string | number;
  marker?: string;
}

/**
 * limit/marker paging as section 3.1 describes: a limit above osapi_max_limit is refused
 * with 403 (the spec's rule), an unknown marker is 400, and a full page gets a `next` link.
 */
export function paginate<T>(
  items: T[],
  query: PageQuery,
  idOf: (item: T) => string,
): { page: T[]; nextMarker: string | null } {
  let limit = MAX_LIMIT;
  if (query.limit !== undefined && query.limit !== '') {
    const n = Number(query.limit);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid input for field/attribute limit. Value: ${query.limit}.`);
    if (n > MAX_LIMIT) throw forbidden(`limit ${n} exceeds osapi_max_limit ${MAX_LIMIT}.`);
    limit = n;
  }
  let start = 0;
  if (query.marker !== undefined) {
    const idx = items.findIndex((i) => idOf(i) === query.marker);
    if (idx < 0) throw badRequest(`marker [${query.marker}] not found`);
    start = idx + 1;
  }
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { page, nextMarker: more && page.length > 0 ? idOf(page[page.length - 1]) : null };
}

/** The `*_links` array with a `next` link built from the request's own query. */
export function nextLinks(
  ctx: RequestContext,
  collectionPath: string,
  query: Record<string, unknown>,
  nextMarker: string | null,
): { rel: 'next'; href: string }[] {
  if (!nextMarker) return [];
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === 'marker' || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
  }
  params.set('marker', nextMarker);
  return [{ rel: 'next', href: `${ctx.baseUrl}${ctx.apiPrefix}/${collectionPath}?${params.toString()}` }];
}
