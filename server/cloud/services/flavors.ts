import { boolFromString } from '../booleans.ts';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { last, paginate, type Query } from '../pagination.ts';
import { FLAVOR_SORT_KEYS, getFlavor, listFlavors, type Flavor } from '../repositories/flavors.ts';

// Chapter 6: flavors and their extra specs (read-only, as the spec offers them).

/** Nova's _parse_is_public: absent → public only, "none" → all, else a strict boolean. */
function parseIsPublic(v: string | undefined): boolean | null {
  if (v === undefined) return true;
  if (v.trim().toLowerCase() === 'none') return null;
  const b = boolFromString(v.trim());
  if (b === undefined) throw badRequest(`Invalid is_public filter [${v}]`);
  return b;
}

/** Python's int() on a query value: surrounding blanks allowed, nothing else. */
function intFilter(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\s*[-+]?\d+\s*$/.test(v)) throw badRequest(`Invalid ${name} filter [${v}]`);
  return Number(v);
}

function sortParam(name: string, v: string | undefined, allowed: string[], fallback: string): string {
  if (v === undefined || v === '') return fallback;
  if (!allowed.includes(v)) {
    throw badRequest(`Invalid input for field/attribute ${name}. Value: ${v}. '${v}' is not one of [${allowed.map((a) => `'${a}'`).join(', ')}]`);
  }
  return v;
}

/** 6.1/6.2: a page of the flavors the caller may see, filtered and sorted as Nova's _get_flavors does. */
export function flavorsOf(db: Db, ctx: RequestContext, q: Query): { page: Flavor[]; nextMarker: string | null } {
  // Only admins choose visibility; members always get the public flavors (plus private
  // ones granted to the project) and never disabled ones.
  const isPublic = ctx.isAdmin ? parseIsPublic(last(q.is_public)) : true;
  const all = listFlavors(
    db,
    { projectId: ctx.projectId, isAdmin: ctx.isAdmin },
    {
      isPublic,
      includeDisabled: ctx.isAdmin,
      minRam: intFilter('minRam', last(q.minRam)),
      minDisk: intFilter('minDisk', last(q.minDisk)),
      sortKey: sortParam('sort_key', last(q.sort_key), Object.keys(FLAVOR_SORT_KEYS), 'flavorid'),
      sortDir: sortParam('sort_dir', last(q.sort_dir), ['asc', 'desc'], 'asc') as 'asc' | 'desc',
    },
  );
  return paginate(all, { limit: last(q.limit), marker: last(q.marker) }, (f) => f.id);
}

/** A flavor the caller may see (a private one only when granted to the project). */
export function showFlavor(db: Db, ctx: RequestContext, id: string): Flavor {
  const f = getFlavor(db, id, { projectId: ctx.projectId, isAdmin: ctx.isAdmin });
  if (!f) throw notFound(`Flavor ${id} could not be found.`);
  return f;
}

export function flavorExtraSpec(db: Db, ctx: RequestContext, id: string, key: string): Record<string, string> {
  const specs = showFlavor(db, ctx, id).extra_specs;
  if (!(key in specs)) throw notFound(`Flavor ${id} has no extra specs with key ${key}.`);
  return { [key]: specs[key] };
}
