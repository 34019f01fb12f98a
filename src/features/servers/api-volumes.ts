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

export const serverVolumeQueries = {
  attachments: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'volumes'] as const,
      queryFn: ({ signal }) => listVolumeAttachments(target, id, signal),
    }),
};
