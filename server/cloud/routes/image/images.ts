import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Query } from '../../pagination.ts';
import { imageSchemaDocument, imagesSchemaDocument, imageServiceSchemas as schemas } from '../../schemas/image-service.ts';
import { deleteImageApi, listImageApi, refuseImageWrite, showImageApi } from '../../services/image-service.ts';
import { imageDocument, imageListDocument } from '../../views/image-service.ts';

type ImageParams = { Params: { image_id: string } };

/** Glance v2's images (read, delete) and schemas; writes of image data are refused. */
export default async function imageRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<{ Querystring: Query }>('/images', { schema: schemas.list }, async (req) => {
    const { images, nextMarker } = listImageApi(db, req.imageCtx, req.query);
    return imageListDocument(images, req.query, nextMarker);
  });

  app.get<ImageParams>('/images/:image_id', { schema: schemas.show }, async (req) => imageDocument(showImageApi(db, req.imageCtx, req.params.image_id)));

  app.delete<ImageParams>('/images/:image_id', { schema: schemas.delete }, async (req, reply) => {
    deleteImageApi(db, req.imageCtx, req.params.image_id);
    return reply.code(204).send();
  });

  app.get('/schemas/image', { schema: schemas.schemaDocument }, async () => imageSchemaDocument);
  app.get('/schemas/images', { schema: schemas.schemaDocument }, async () => imagesSchemaDocument);

  // Refused in onRequest, before any body is read: an upload of any size gets its 403.
  const refusal = (write: Parameters<typeof refuseImageWrite>[2]) => async (req: FastifyRequest) =>
    refuseImageWrite(db, req.imageCtx, write, (req.params as { image_id?: string }).image_id);
  for (const [method, url, write, schema] of [
    ['POST', '/images', 'create', schemas.create],
    ['PATCH', '/images/:image_id', 'update', schemas.imageWrite],
    ['PUT', '/images/:image_id/file', 'upload', schemas.imageWrite],
    ['GET', '/images/:image_id/file', 'download', schemas.imageWrite],
  ] as const) {
    app.route({ method, url, schema, onRequest: refusal(write), handler: refusal(write) });
  }
}
