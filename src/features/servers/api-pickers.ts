import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, scopeOf, type ComputeTarget } from '../../lib/compute';
import { novaInteger } from '../../lib/schemas';

/**
 * Minimal fetchers for the resize and rebuild pickers (features never import each other).
 * Their keys start with the resource, so the resource's own invalidations refresh them, and
 * carry their own second part, so they never share a cache entry with another shape.
 */

/** The fields of List Flavors Detail (6.2) the resize picker reads. */
export const flavorOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: novaInteger,
  ram: novaInteger,
  disk: novaInteger,
  'OS-FLV-DISABLED:disabled': z.boolean().optional(),
});
export type FlavorOption = z.infer<typeof flavorOptionSchema>;

export async function listFlavorOptions(target: ComputeTarget, signal?: AbortSignal): Promise<FlavorOption[]> {
  const body = await computeRequest(target, {
    path: '/flavors/detail',
    schema: z.object({ flavors: z.array(flavorOptionSchema) }),
    signal,
  });
  return body.flavors;
}

/** The fields of List Images Detail (7.2) the rebuild picker and the create-image link read. */
export const imageOptionSchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  status: z.string(),
  minDisk: novaInteger.optional(),
  minRam: novaInteger.optional(),
  created: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  server: z.object({ id: z.string() }).optional(),
});
export type ImageOption = z.infer<typeof imageOptionSchema>;

export async function listImageOptions(
  target: ComputeTarget,
  params: { server?: string; name?: string } = {},
  signal?: AbortSignal,
): Promise<ImageOption[]> {
  const body = await computeRequest(target, {
    path: '/images/detail',
    api: 'proxy',
    params,
    schema: z.object({ images: z.array(imageOptionSchema) }),
    signal,
  });
  return body.images;
}

/**
 * The image Create Image (5.5) made. The gateway drops `Location` (internals.md), and the
 * body has no image id below 2.45, so the console asks for the server's images by that name
 * and takes the newest.
 */
export async function findCreatedImage(target: ComputeTarget, serverId: string, name: string): Promise<ImageOption | null> {
  const images = await listImageOptions(target, { server: serverId, name });
  const mine = images.filter((image) => image.name === name);
  mine.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
  return mine[0] ?? null;
}

/** Spec 5.1: the disk may not shrink. */
export function resizeTargetProblem(current: FlavorOption | undefined, next: FlavorOption): 'same' | 'smallerDisk' | 'disabled' | null {
  if (next['OS-FLV-DISABLED:disabled']) return 'disabled';
  if (!current) return null;
  if (next.id === current.id) return 'same';
  if (next.disk < current.disk) return 'smallerDisk';
  return null;
}

export const pickerQueries = {
  flavors: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['flavors', 'server-picker', scopeOf(target)] as const,
      queryFn: ({ signal }) => listFlavorOptions(target, signal),
      staleTime: 60_000,
    }),
  images: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['images', 'server-picker', scopeOf(target)] as const,
      queryFn: ({ signal }) => listImageOptions(target, {}, signal),
      staleTime: 30_000,
    }),
  image: (target: ComputeTarget, serverId: string, name: string) =>
    queryOptions({
      queryKey: ['images', 'server-created', scopeOf(target), serverId, name] as const,
      queryFn: () => findCreatedImage(target, serverId, name),
    }),
};
