import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { flavorSchemas as schemas } from '../../schemas/flavors.ts';
import { flavorExtraSpec, flavorsOf, showFlavor } from '../../services/flavors.ts';
import { flavorDetail, flavorSummary } from '../../views/flavors.ts';
import { nextLinks } from '../../views/links.ts';

type FlavorParams = { Params: { flavor_id: string } };

/** Chapter 6: flavors and their extra specs (read-only, as the spec offers them). */
export default async function flavorRoutes(app: FastifyInstance) {
  const { db } = app;

  for (const [path, schema, view] of [
    ['flavors', schemas.list, flavorSummary],
    ['flavors/detail', schemas.detailList, flavorDetail],
  ] as const) {
    app.get<{ Querystring: Query }>(`/${path}`, { schema }, async (req) => {
      const { page, nextMarker } = flavorsOf(db, req.ctx, req.query);
      const links = nextLinks(req.ctx, path, req.query, nextMarker);
      return { flavors: page.map((f) => view(req.ctx, f)), ...(links.length ? { flavors_links: links } : {}) };
    });
  }

  app.get<FlavorParams>('/flavors/:flavor_id', { schema: schemas.show }, async (req) => ({
    flavor: flavorDetail(req.ctx, showFlavor(db, req.ctx, req.params.flavor_id)),
  }));

  app.get<FlavorParams>('/flavors/:flavor_id/os-extra_specs', { schema: schemas.extraSpecs }, async (req) => ({
    extra_specs: showFlavor(db, req.ctx, req.params.flavor_id).extra_specs,
  }));

  app.get<{ Params: { flavor_id: string; key: string } }>('/flavors/:flavor_id/os-extra_specs/:key', { schema: schemas.extraSpec }, async (req) =>
    flavorExtraSpec(db, req.ctx, req.params.flavor_id, req.params.key),
  );
}
