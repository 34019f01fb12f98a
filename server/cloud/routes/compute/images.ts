import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { PROXY_API, versionRange } from '../../plugins/microversion.ts';
import { imageSchemas as schemas } from '../../schemas/images.ts';
import { deleteImageMetadataItem, mergeImageMetadata, replaceImageMetadata, setImageMetadataItem } from '../../services/image-metadata.ts';
import { deleteImage, imageMetadataItem, imagesOf, showImage } from '../../services/images.ts';
import { imageDetail, imageSummary } from '../../views/images.ts';
import { nextLinks } from '../../views/links.ts';

type ImageParams = { Params: { image_id: string } };
type KeyParams = { Params: { image_id: string; key: string } };
type Metadata = Record<string, string>;

/** Chapter 7: Nova's image proxy (read, metadata, delete), and Nova's metadata writes beyond the spec. */
export default async function imageRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db } = app;

  for (const [path, schema, view] of [
    ['images', schemas.list, imageSummary],
    ['images/detail', schemas.detailList, imageDetail],
  ] as const) {
    app.get<{ Querystring: Query }>(`/${path}`, { schema }, async (req) => {
      const { page, nextMarker } = imagesOf(db, req.ctx, req.query);
      const links = nextLinks(req.ctx, path, req.query, nextMarker);
      return { images: page.map((i) => view(req.ctx, i)), ...(links.length ? { images_links: links } : {}) };
    });
  }

  app.get<ImageParams>('/images/:image_id', { schema: schemas.show }, async (req) => ({
    image: imageDetail(req.ctx, showImage(db, req.ctx, req.params.image_id)),
  }));

  app.get<ImageParams>('/images/:image_id/metadata', { schema: schemas.metadata }, async (req) => ({
    metadata: showImage(db, req.ctx, req.params.image_id).metadata,
  }));

  app.get<KeyParams>('/images/:image_id/metadata/:key', { schema: schemas.metaItem }, async (req) => ({
    meta: imageMetadataItem(db, req.ctx, req.params.image_id, req.params.key),
  }));

  app.post<ImageParams & { Body: { metadata: Metadata } }>('/images/:image_id/metadata', { schema: schemas.writeMetadata }, async (req) => ({
    metadata: mergeImageMetadata(db, req.ctx, req.params.image_id, req.body.metadata),
  }));

  app.put<ImageParams & { Body: { metadata: Metadata } }>('/images/:image_id/metadata', { schema: schemas.writeMetadata }, async (req) => ({
    metadata: replaceImageMetadata(db, req.ctx, req.params.image_id, req.body.metadata),
  }));

  app.put<KeyParams & { Body: { meta: Metadata } }>('/images/:image_id/metadata/:key', { schema: schemas.writeMetaItem }, async (req) => ({
    meta: setImageMetadataItem(db, req.ctx, req.params.image_id, req.params.key, req.body.meta),
  }));

  app.delete<KeyParams>('/images/:image_id/metadata/:key', { schema: schemas.deleteMetaItem }, async (req, reply) => {
    deleteImageMetadataItem(db, req.ctx, req.params.image_id, req.params.key);
    return reply.code(204).send();
  });

  app.delete<ImageParams>('/images/:image_id', { schema: schemas.delete }, async (req, reply) => {
    deleteImage(db, req.ctx, req.params.image_id);
    return reply.code(204).send();
  });
}
