import type { ImageContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import type { Query } from '../pagination.ts';
import { imageApiRow, imageApiRows, softDeleteImage, type ImageApiAccess, type ImageApiRow } from '../repositories/images.ts';
import { imageListQuery, type ImageListQuery } from './image-query.ts';

// The Image API v2 (Glance) over the images the compute API's /images proxy shows: list,
// show and delete with Glance's visibility, ownership and paging rules, and its messages
// (glance/api/v2/images.py). Writes of image data are refused.

const access = (ctx: ImageContext): ImageApiAccess => ({ projectId: ctx.projectId, isAdmin: ctx.isAdmin });

/** NULL sorts lowest, as in MySQL and SQLite: first ascending, last descending. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function comparator(sort: ImageListQuery['sort']) {
  return (a: ImageApiRow, b: ImageApiRow) => {
    for (const { key, dir } of sort) {
      const c = compareValues(a[key], b[key]);
      if (c !== 0) return dir === 'asc' ? c : -c;
    }
    return 0;
  };
}

/**
 * GET /v2/images: the images after the marker (by the sort order, whether or not the
 * marker itself passes the filters, as Glance's keyset paging does), at most `limit` of
 * them; a full page has a next marker.
 */
export function listImageApi(db: Db, ctx: ImageContext, q: Query): { images: ImageApiRow[]; nextMarker: string | null } {
  const query = imageListQuery(q);
  const compare = comparator(query.sort);
  const rows = imageApiRows(db, access(ctx), query.visibility, query.conditions).sort(compare);
  let start = 0;
  if (query.marker !== undefined) {
    const marker = imageApiRow(db, access(ctx), query.marker);
    if (!marker) throw badRequest(`No image found with ID ${query.marker}`);
    const after = rows.findIndex((r) => compare(r, marker) > 0);
    start = after < 0 ? rows.length : after;
  }
  const images = rows.slice(start, start + query.limit);
  const full = images.length > 0 && images.length === query.limit;
  return { images, nextMarker: full ? images[images.length - 1].id : null };
}

/** GET /v2/images/{id}: an image the caller may see, else Glance's 404. */
export function showImageApi(db: Db, ctx: ImageContext, id: string): ImageApiRow {
  const image = imageApiRow(db, access(ctx), id);
  if (!image) throw notFound(`No image found with ID ${id}`);
  return image;
}

/**
 * DELETE /v2/images/{id}: Glance's soft delete, the row kept with status deleted (the
 * compute API's proxy then shows it no more). Only the owner or an admin may delete
 * (glance/api/v2/policy.py check_is_image_mutable): a public image, which belongs to the
 * cloud, is 403 for a member; another project's private image is not found at all.
 */
export function deleteImageApi(db: Db, ctx: ImageContext, id: string): void {
  const image = imageApiRow(db, access(ctx), id);
  if (!image) throw notFound(`Failed to find image ${id} to delete`);
  if (!ctx.isAdmin && image.project_id !== ctx.projectId) throw forbidden('You do not own this image');
  softDeleteImage(db, image.id);
}

// No apostrophes: an HTML error escapes them, and clients print the escape.
const READ_ONLY = 'The image service of this cloud is read-only';
/** The writes of image data this cloud refuses, with Glance's policy name and why. */
const REFUSED_WRITES = {
  create: { policy: 'add_image', why: `${READ_ONLY}: images are made from servers, with the createImage action of the compute API.` },
  update: { policy: 'modify_image', why: `${READ_ONLY}.` },
  upload: { policy: 'upload_image', why: `${READ_ONLY}: it keeps no image data; images are made from servers, with the createImage action of the compute API.` },
  download: { policy: 'download_image', why: 'This cloud keeps no image data to download.' },
} as const;

/**
 * A refused write: 403 with Glance's policy message (what Glance answers when its policy
 * forbids the action), after Glance's 404 for an image the caller cannot see.
 */
export function refuseImageWrite(db: Db, ctx: ImageContext, write: keyof typeof REFUSED_WRITES, imageId?: string): never {
  if (imageId !== undefined) showImageApi(db, ctx, imageId);
  const { policy, why } = REFUSED_WRITES[write];
  throw forbidden(`You are not authorized to complete ${policy} action. ${why}`);
}
