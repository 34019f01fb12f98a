import { z } from 'zod';

/** `*_links` of a paged Nova list (spec 3.1). */
export const pageLinksSchema = z.array(z.object({ href: z.string(), rel: z.string() })).optional();

/**
 * The `marker` of a `next` link. The SPA reads it and never follows the link: the href
 * names the cloud's own host, not the gateway.
 */
export function nextMarker(links: ReadonlyArray<{ href: string; rel: string }> | undefined): string | null {
  const next = links?.find((link) => link.rel === 'next');
  if (!next) return null;
  try {
    return new URL(next.href, 'http://invalid.local').searchParams.get('marker');
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  nextMarker: string | null;
}

/** Pages of at most this many items are asked for when a whole list is read. */
export const PAGE_LIMIT = 1000;
/** A list longer than this many pages is cut short rather than read forever. */
const MAX_PAGES = 20;

/**
 * Reads a limit/marker list to its end (or MAX_PAGES pages), for lists the console filters,
 * sorts and exports as a whole (flavors, images).
 */
export async function readAllPages<T>(fetchPage: (marker: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | null = null;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const page: Page<T> = await fetchPage(marker);
    items.push(...page.items);
    // a cloud that repeats its marker would loop forever
    if (!page.nextMarker || page.nextMarker === marker || page.items.length === 0) break;
    marker = page.nextMarker;
  }
  return items;
}
