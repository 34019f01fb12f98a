import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../../errors.ts';
import { nextLinks, paginate } from '../../pagination.ts';
import { FLAVOR_SORT_KEYS, getFlavor, listFlavors, type Flavor } from '../../repositories/flavors.ts';
import { resourceLinks } from '../../views/links.ts';
import { last, stringOrList, type Query } from './proxy-api.ts';
import { flavorSchemas } from './resource-schemas.ts';


const TRUE = new Set(['1', 't', 'true', 'on', 'y', 'yes']);
const FALSE = new Set(['0', 'f', 'false', 'off', 'n', 'no']);

/** Nova's _parse_is_public: absent → public only, "none" → all, else a strict boolean. */
function parseIsPublic(v: string | undefined): boolean | null {
  if (v === undefined) return true;
  const s = v.trim().toLowerCase();
  if (s === 'none') return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw badRequest(`Invalid is_public filter [${v}]`);
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

function flavorsFor(req: FastifyRequest) {
  const q = req.query as Query;
  const { ctx } = req;
  // Only admins choose visibility; members always get the public flavors (plus private
  // ones granted to the project) and never disabled ones (Nova's _get_flavors).
  const isPublic = ctx.isAdmin ? parseIsPublic(last(q.is_public)) : true;
  const all = listFlavors(
    req.server.db,
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
  const { page, nextMarker } = paginate(all, { limit: last(q.limit), marker: last(q.marker) }, (f) => f.id);
  return { page, nextMarker, q };
}

export function flavorSummary(req: FastifyRequest, f: Flavor) {
  return { id: f.id, name: f.name, links: resourceLinks(req.ctx, 'flavors', f.id) };
}

/** Nova's flavor view before 2.55 (no description) and 2.61 (no extra_specs); swap 0 is "". */
export function flavorDetail(req: FastifyRequest, f: Flavor) {
  return {
    id: f.id,
    name: f.name,
    ram: f.ram,
    disk: f.disk,
    swap: f.swap === 0 ? '' : f.swap,
    vcpus: f.vcpus,
    'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
    'OS-FLV-DISABLED:disabled': f.disabled,
    'os-flavor-access:is_public': f.is_public,
    rxtx_factor: f.rxtx_factor,
    links: resourceLinks(req.ctx, 'flavors', f.id),
  };
}

const listQuery = {
  type: 'object',
  properties: Object.fromEntries(['minDisk', 'minRam', 'is_public', 'sort_key', 'sort_dir', 'limit', 'marker'].map((k) => [k, stringOrList])),
};
const flavorParams = { type: 'object', properties: { flavor_id: { type: 'string' } }, required: ['flavor_id'] };

/** Chapter 6: flavors and their extra specs (read-only, as the spec offers them). */
export default async function flavorRoutes(app: FastifyInstance) {

  app.get('/flavors', { schema: { querystring: listQuery, response: { 200: flavorSchemas.list } } }, async (req) => {
    const { page, nextMarker, q } = flavorsFor(req);
    const links = nextLinks(req.ctx, 'flavors', q, nextMarker);
    return { flavors: page.map((f) => flavorSummary(req, f)), ...(links.length ? { flavors_links: links } : {}) };
  });

  app.get('/flavors/detail', { schema: { querystring: listQuery, response: { 200: flavorSchemas.detailList } } }, async (req) => {
    const { page, nextMarker, q } = flavorsFor(req);
    const links = nextLinks(req.ctx, 'flavors/detail', q, nextMarker);
    return { flavors: page.map((f) => flavorDetail(req, f)), ...(links.length ? { flavors_links: links } : {}) };
  });

  const visibleFlavor = (req: FastifyRequest<{ Params: { flavor_id: string } }>) => {
    const { flavor_id } = req.params;
    const f = getFlavor(req.server.db, flavor_id, { projectId: req.ctx.projectId, isAdmin: req.ctx.isAdmin });
    if (!f) throw notFound(`Flavor ${flavor_id} could not be found.`);
    return f;
  };

  app.get<{ Params: { flavor_id: string } }>('/flavors/:flavor_id', { schema: { params: flavorParams, response: { 200: flavorSchemas.show } } }, async (req) => ({
    flavor: flavorDetail(req, visibleFlavor(req)),
  }));

  app.get<{ Params: { flavor_id: string } }>(
    '/flavors/:flavor_id/os-extra_specs',
    { schema: { params: flavorParams, response: { 200: flavorSchemas.extraSpecs } } },
    async (req) => ({ extra_specs: visibleFlavor(req).extra_specs }),
  );

  app.get<{ Params: { flavor_id: string; key: string } }>(
    '/flavors/:flavor_id/os-extra_specs/:key',
    {
      schema: {
        params: { ...flavorParams, properties: { ...flavorParams.properties, key: { type: 'string' } } },
        response: { 200: flavorSchemas.extraSpec },
      },
    },
    async (req) => {
      const specs = visibleFlavor(req).extra_specs;
      const { key } = req.params;
      if (!(key in specs)) throw notFound(`Flavor ${req.params.flavor_id} has no extra specs with key ${key}.`);
      return { [key]: specs[key] };
    },
  );
}
