import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { setImageMetadata, type Image } from '../repositories/images.ts';
import { showImage } from './images.ts';

// Writes of an image's metadata through the compute API's image proxy (Nova's
// image_metadata.py, beyond chapter 7 of the spec, which reads it only): POST merges,
// PUT replaces, PUT of one key sets it, DELETE of one key removes it. Nova checks the
// metadata_items quota of the caller's project on the result, then Glance refuses an image
// the caller does not own (an admin may write any): in that order.

type Metadata = Record<string, string>;

function write(db: Db, ctx: RequestContext, image: Image, next: Metadata): Metadata {
  const limit = quotaLimit(db, ctx.projectId, 'metadata_items');
  if (limit >= 0 && Object.keys(next).length > limit) throw forbidden('Image metadata limit exceeded');
  if (image.project_id !== ctx.projectId && !ctx.isAdmin) throw forbidden(`Not authorized for image ${image.id}.`);
  setImageMetadata(db, image.id, next);
  return next;
}

/** POST /images/{id}/metadata: the body's items over the image's. */
export const mergeImageMetadata = (db: Db, ctx: RequestContext, id: string, md: Metadata): Metadata =>
  db.transaction(() => {
    const image = showImage(db, ctx, id);
    return write(db, ctx, image, { ...image.metadata, ...md });
  })();

/** PUT /images/{id}/metadata: the body's items instead of the image's. */
export const replaceImageMetadata = (db: Db, ctx: RequestContext, id: string, md: Metadata): Metadata =>
  db.transaction(() => write(db, ctx, showImage(db, ctx, id), { ...md }))();

/** PUT /images/{id}/metadata/{key}: the body's one key must be the URL's (checked before the image is looked for). */
export function setImageMetadataItem(db: Db, ctx: RequestContext, id: string, key: string, meta: Metadata): Metadata {
  if (!Object.hasOwn(meta, key)) throw badRequest('Request body and URI mismatch');
  db.transaction(() => {
    const image = showImage(db, ctx, id);
    write(db, ctx, image, { ...image.metadata, [key]: meta[key] });
  })();
  return { [key]: meta[key] };
}

/** DELETE /images/{id}/metadata/{key}: a key the image has not is 404 before any permission check. */
export function deleteImageMetadataItem(db: Db, ctx: RequestContext, id: string, key: string): void {
  db.transaction(() => {
    const image = showImage(db, ctx, id);
    if (!Object.hasOwn(image.metadata, key)) throw notFound('Invalid metadata key');
    const next = { ...image.metadata };
    delete next[key];
    write(db, ctx, image, next);
  })();
}
