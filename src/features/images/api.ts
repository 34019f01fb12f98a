import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { nextMarker, PAGE_LIMIT, readAllPages } from '../../lib/paging';
import {
  imageListResponseSchema,
  imageMetadataResponseSchema,
  imageResponseSchema,
  imageSummaryListResponseSchema,
  type Image,
  type ImageFilters,
} from './schemas';

/** The query string of spec 7.1/7.2: only what is set. */
export function imageListParams(filters: ImageFilters = {}): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (filters.name) params.name = filters.name;
  if (filters.status) params.status = filters.status;
  if (filters.changesSince) params['changes-since'] = filters.changesSince;
  if (filters.minDisk !== undefined) params.minDisk = filters.minDisk;
  if (filters.minRam !== undefined) params.minRam = filters.minRam;
  if (filters.server) params.server = filters.server;
  return params;
}

/** List Images Detail (7.2), every page, filtered by the API. Images are a proxy API (≤ 2.35 or /v2). */
export async function listImages(target: ComputeTarget, filters: ImageFilters = {}, signal?: AbortSignal): Promise<Image[]> {
  return readAllPages(async (marker) => {
    const body = await computeRequest(target, {
      api: 'proxy',
      path: '/images/detail',
      params: { ...imageListParams(filters), limit: PAGE_LIMIT, ...(marker ? { marker } : {}) },
      schema: imageListResponseSchema,
      signal,
    });
    return { items: body.images, nextMarker: nextMarker(body.images_links) };
  });
}

/** List Images (7.1): ids and names, for the name filter's suggestions and links that name an image. */
export async function listImageNames(target: ComputeTarget, signal?: AbortSignal): Promise<Array<{ id: string; name: string }>> {
  return readAllPages(async (marker) => {
    const body = await computeRequest(target, {
      api: 'proxy',
      path: '/images',
      params: { limit: PAGE_LIMIT, ...(marker ? { marker } : {}) },
      schema: imageSummaryListResponseSchema,
      signal,
    });
    return { items: body.images.map((i) => ({ id: i.id, name: i.name ?? '' })), nextMarker: nextMarker(body.images_links) };
  });
}

/** Get Image Detail (7.3). */
export async function getImage(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Image> {
  return (await computeRequest(target, { api: 'proxy', path: encodePath`/images/${id}`, schema: imageResponseSchema, signal })).image;
}

/** Get Image Metadata (7.4). */
export async function getImageMetadata(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const body = await computeRequest(target, { api: 'proxy', path: encodePath`/images/${id}/metadata`, schema: imageMetadataResponseSchema, signal });
  return body.metadata;
}

/** Delete Image (7.5): Glance's soft delete, the image goes to DELETED. */
export async function deleteImage(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { api: 'proxy', method: 'delete', path: encodePath`/images/${id}`, schema: z.unknown() });
}
