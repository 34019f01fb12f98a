import { z } from 'zod';
import { pageLinksSchema } from '../../lib/paging';

const count = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** An image as List Images Detail / Get Image Detail send it (spec 7.2, 7.3). */
const imageWireSchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  status: z.string(),
  progress: count.nullable().optional(),
  minDisk: count.nullable().optional(),
  minRam: count.nullable().optional(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  'OS-EXT-IMG-SIZE:size': count.nullable().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  /** Images made by Create Image (spec 5.5) name their server. */
  server: z.object({ id: z.string() }).optional(),
});

const asText = (metadata: Record<string, string | number | boolean | null>) =>
  Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, value === null ? '' : String(value)]));

const imageSchema = imageWireSchema.transform((i) => {
  const metadata = asText(i.metadata);
  return {
    id: i.id,
    name: i.name ?? '',
    /** Nova's view: ACTIVE, SAVING, DELETED, ERROR, UNKNOWN (table 7-1). */
    status: i.status,
    progress: i.progress ?? null,
    /** GB */
    minDisk: i.minDisk ?? 0,
    /** MB */
    minRam: i.minRam ?? 0,
    /** bytes */
    size: i['OS-EXT-IMG-SIZE:size'] ?? null,
    created: i.created ?? null,
    updated: i.updated ?? null,
    metadata,
    /** The server an image was created from: Nova's `server`, else Glance's `instance_uuid`. */
    serverId: i.server?.id ?? (metadata.instance_uuid || null),
  };
});
export type Image = z.output<typeof imageSchema>;

export const imageListResponseSchema = z.object({ images: z.array(imageSchema), images_links: pageLinksSchema });
export const imageResponseSchema = z.object({ image: imageSchema });
export const imageSummaryListResponseSchema = z.object({
  images: z.array(z.object({ id: z.string(), name: z.string().nullable().optional() })),
  images_links: pageLinksSchema,
});
export const imageMetadataResponseSchema = z.object({
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).transform(asText),
});

/**
 * Glance statuses the `status` filter takes (spec 7.1: not `deleted`, and Glance's names,
 * which Nova shows as table 7-1 maps them).
 */
export const IMAGE_FILTER_STATUSES = ['active', 'saving', 'queued', 'killed'] as const;

export interface ImageFilters {
  name?: string;
  status?: string;
  /** ISO 8601 (`2013-06-09T06:42:18Z`). */
  changesSince?: string;
  minDisk?: number;
  minRam?: number;
  /** Images made from this server (Create Image, 5.5): Nova's `server` filter. */
  server?: string;
}

/** Metadata keys ECS's image service sets to describe the operating system (spec 7.3's sample). */
const OS_METADATA_KEYS = ['__os_type', '__os_version', '__platform', '__os_bit', '__imagetype', 'virtual_env_type', 'hw_disk_bus'] as const;

export function osMetadataOf(metadata: Record<string, string>): Array<[string, string]> {
  return OS_METADATA_KEYS.filter((key) => metadata[key]).map((key) => [key, metadata[key]]);
}
