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
