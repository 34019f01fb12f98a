import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.ts';
import { extensionSchemas as schemas } from '../../schemas/extensions.ts';
import { extensionByAlias, extensionList } from '../../views/extensions.ts';

/** Nova's fixed list of API extensions (no section of the spec; novaclient and openstackclient ask for it). */
export default async function extensionRoutes(app: FastifyInstance) {
  app.get('/extensions', { schema: schemas.list }, async (req) => ({ extensions: extensionList(req.ctx) }));

  app.get<{ Params: { alias: string } }>('/extensions/:alias', { schema: schemas.show }, async (req) => {
    const extension = extensionByAlias(req.ctx, req.params.alias);
    if (!extension) throw notFound('The resource could not be found.');
    return { extension };
  });
}
