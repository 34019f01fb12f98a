import type { FastifyInstance } from 'fastify';
import { serverMetadataSchemas as schemas } from '../../schemas/server-metadata.ts';
import {
  deleteMetadataItem,
  mergeMetadata,
  metadataItem,
  metadataOfServer,
  replaceMetadata,
  setMetadataItem,
} from '../../services/server-metadata.ts';

type ServerParams = { Params: { server_id: string } };
type KeyParams = { Params: { server_id: string; key: string } };
type Metadata = Record<string, string>;

// Chapter 10: server metadata. PUT replaces, POST merges.
export default async function metadataRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<ServerParams>('/servers/:server_id/metadata', { schema: schemas.list }, async (req) => ({
    metadata: metadataOfServer(db, req.ctx, req.params.server_id),
  }));

  app.put<ServerParams & { Body: { metadata: Metadata } }>('/servers/:server_id/metadata', { schema: schemas.write }, async (req) => ({
    metadata: replaceMetadata(db, req.ctx, req.params.server_id, req.body.metadata),
  }));

  app.post<ServerParams & { Body: { metadata: Metadata } }>('/servers/:server_id/metadata', { schema: schemas.write }, async (req) => ({
    metadata: mergeMetadata(db, req.ctx, req.params.server_id, req.body.metadata),
  }));

  app.get<KeyParams>('/servers/:server_id/metadata/:key', { schema: schemas.show }, async (req) => ({
    meta: metadataItem(db, req.ctx, req.params.server_id, req.params.key),
  }));

  app.put<KeyParams & { Body: { meta: Metadata } }>('/servers/:server_id/metadata/:key', { schema: schemas.writeItem }, async (req) => ({
    meta: setMetadataItem(db, req.ctx, req.params.server_id, req.params.key, req.body.meta),
  }));

  app.delete<KeyParams>('/servers/:server_id/metadata/:key', { schema: schemas.deleteItem }, async (req, reply) => {
    deleteMetadataItem(db, req.ctx, req.params.server_id, req.params.key);
    return reply.code(204).send();
  });
}
