import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';

/** 12.3 / 12.4: a volume attached to the server. */
export const volumeAttachmentSchema = z.object({
  id: z.string(),
  volumeId: z.string(),
  serverId: z.string().optional(),
  device: z.string().nullable().optional(),
});
export type VolumeAttachment = z.infer<typeof volumeAttachmentSchema>;

/** List Attached Volumes (12.3). */
export async function listVolumeAttachments(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<VolumeAttachment[]> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-volume_attachments`,
    schema: z.object({ volumeAttachments: z.array(volumeAttachmentSchema) }),
    signal,
  });
  return body.volumeAttachments;
}

export const volumeAttachmentEnvelopeSchema = z.object({ volumeAttachment: volumeAttachmentSchema });

/** The fields of List Volumes Details (19.3) the attach picker and the table read. */
export const volumeSchema = z.object({
  id: z.string(),
  status: z.string(),
  size: z.number(),
  availabilityZone: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  volumeType: z.string().nullable().optional(),
});
export type VolumeOption = z.infer<typeof volumeSchema>;

export async function listVolumes(target: ComputeTarget, signal?: AbortSignal): Promise<VolumeOption[]> {
  const body = await computeRequest(target, {
    path: '/os-volumes/detail',
    api: 'proxy',
    schema: z.object({ volumes: z.array(volumeSchema) }),
    signal,
  });
  return body.volumes;
}

/** Spec 12.1: only an available volume of the server's availability zone can be attached. */
export function attachableVolumes(volumes: readonly VolumeOption[], zone: string | null | undefined): VolumeOption[] {
  return volumes.filter((v) => v.status.toLowerCase() === 'available' && (!zone || v.availabilityZone === zone));
}

export const serverVolumeQueries = {
  attachments: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'volumes'] as const,
      queryFn: ({ signal }) => listVolumeAttachments(target, id, signal),
    }),
  /** Own key under 'volumes' (the volumes feature caches its own shape). */
  volumes: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['volumes', 'server-picker', scopeOf(target)] as const,
      queryFn: ({ signal }) => listVolumes(target, signal),
      staleTime: 5_000,
    }),
};
