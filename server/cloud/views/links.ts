import type { RequestContext } from '../context.ts';

export interface Link {
  rel: string;
  href: string;
  type?: string;
}

/**
 * Nova's `self` link (with the API version) and `bookmark` link (without it), as in the
 * spec's samples: http://host:8774/v2/{project}/flavors/4 and http://host:8774/{project}/flavors/4.
 */
export function resourceLinks(ctx: RequestContext, collection: string, id: string): Link[] {
  return [
    { rel: 'self', href: `${ctx.baseUrl}${ctx.apiPrefix}/${collection}/${id}` },
    { rel: 'bookmark', href: `${ctx.baseUrl}/${ctx.projectId}/${collection}/${id}` },
  ];
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
