import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { isoNow } from '../ids.ts';
import { last, paginate, type Query } from '../pagination.ts';
import { getImage, insertImage, listImages, softDeleteImage, withoutFormats, type Image } from '../repositories/images.ts';

// Chapter 7: Nova's image proxy (read, metadata, delete), and the images servers make.

const GLANCE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'];

function intFilter(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(v)) throw badRequest(`Invalid ${name} filter [${v}]`);
  return Number(v);
}

/** 7.1/7.2: a page of the images the project may use, with Glance's filters. */
export function imagesOf(db: Db, ctx: RequestContext, q: Query): { page: Image[]; nextMarker: string | null } {
  const status = last(q.status);
  if (status !== undefined && !GLANCE_STATUSES.includes(status.toLowerCase())) throw badRequest(`Invalid status value: ${status}`);
  const since = last(q['changes-since']);
  let changesSince: string | undefined;
  if (since !== undefined) {
    const ms = Date.parse(since);
    if (Number.isNaN(ms)) throw badRequest('Invalid filter field: changes-since.');
    changesSince = isoNow(ms);
  }
  const all = listImages(db, ctx.projectId, {
    name: last(q.name),
    status,
    changesSince,
    minRam: intFilter('minRam', last(q.minRam)),
    minDisk: intFilter('minDisk', last(q.minDisk)),
    server: last(q.server),
    type: last(q.type),
  });
  return paginate(all, { limit: last(q.limit), marker: last(q.marker) }, (i) => i.id);
}

/** An image the project may use: public or its own. */
export function showImage(db: Db, ctx: RequestContext, id: string): Image {
  const img = getImage(db, ctx.projectId, id);
  if (!img) throw notFound('Image not found.');
  return img;
}

export function imageMetadataItem(db: Db, ctx: RequestContext, id: string, key: string): Record<string, string> {
  const md = showImage(db, ctx, id).metadata;
  if (!(key in md)) throw notFound('Image metadata item not found.');
  return { [key]: md[key] };
}

/**
 * Glance's soft delete (section 7.5): the row stays, status deleted. Public images belong
 * to the cloud: only an admin may delete them (Glance's 403, Nova's message).
 */
export function deleteImage(db: Db, ctx: RequestContext, id: string): void {
  const img = showImage(db, ctx, id);
  if (img.project_id !== ctx.projectId && !ctx.isAdmin) throw forbidden('You are not allowed to delete the image.');
  softDeleteImage(db, img.id);
}

export interface ServerImageRequest {
  projectId: string;
  userId: string;
  serverId: string;
  name: string;
  metadata: Record<string, string>;
  minDisk: number;
  minRam: number;
  size: number;
  /** The base image's formats (none for a volume-backed server): what the upload will be. */
  diskFormat?: string | null;
  containerFormat?: string | null;
  /**
   * How long the image stays SAVING (pass `app.cloudConfig.transitionMs`). Without it the
   * image becomes ACTIVE at the engine's next tick.
   */
  dueInMs?: number;
}

/**
 * The image createImage makes of a server: private to the project, SAVING until the
 * transition engine finishes it. Nova's compute API adds the snapshot properties
 * (image_type, instance_uuid, owner and user) to whatever metadata the request carried.
 * Formats in that metadata are Glance's fields, which the upload sets: they are not kept.
 */
export function createServerImage(db: Db, r: ServerImageRequest): Image {
  return insertImage(db, {
    projectId: r.projectId,
    userId: r.userId,
    name: r.name,
    status: 'saving',
    visibility: 'private',
    minDisk: r.minDisk,
    minRam: r.minRam,
    size: r.size,
    diskFormat: r.diskFormat,
    containerFormat: r.containerFormat,
    serverId: r.serverId,
    metadata: {
      ...withoutFormats(r.metadata),
      image_type: 'snapshot',
      image_location: 'snapshot',
      instance_uuid: r.serverId,
      owner_id: r.projectId,
      user_id: r.userId,
    },
    dueAt: Date.now() + (r.dueInMs ?? 0),
  });
}

