import type { FastifyInstance } from 'fastify';
import { versionSchemas as schemas } from '../schemas/versions.ts';
import { versionDocument, versionList } from '../views/versions.ts';

// Sections 3.3 and 3.4: the version documents clients read before anything else.
export default async function versionRoutes(app: FastifyInstance) {
  const { publicUrl } = app.cloudConfig;
  app.get('/', { schema: schemas.list }, async (req) => versionList(publicUrl(req)));
  app.get('/v2', { schema: schemas.show }, async (req) => versionDocument(publicUrl(req), 'v2'));
  app.get('/v2.1', { schema: schemas.show }, async (req) => versionDocument(publicUrl(req), 'v2.1'));
}
