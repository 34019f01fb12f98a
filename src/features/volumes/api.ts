import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import {
  volumeAttachmentResponseSchema,
  volumeListResponseSchema,
  volumeResponseSchema,
  volumeSummaryListResponseSchema,
  type AttachVolumeRequest,
  type CreateVolumeRequest,
  type Volume,
} from './schemas';

/** List Volumes Details (19.3). Volumes are a proxy API (≤ 2.35 or /v2). */
export async function listVolumes(target: ComputeTarget, signal?: AbortSignal): Promise<Volume[]> {
  return (await computeRequest(target, { api: 'proxy', path: '/os-volumes/detail', schema: volumeListResponseSchema, signal })).volumes;
}

/** List Volumes Summaries (19.2): ids and names, to name the volume behind a snapshot. */
export async function listVolumeNames(target: ComputeTarget, signal?: AbortSignal): Promise<Array<{ id: string; name: string }>> {
  const body = await computeRequest(target, { api: 'proxy', path: '/os-volumes', schema: volumeSummaryListResponseSchema, signal });
  return body.volumes.map((v) => ({ id: v.id, name: v.displayName ?? '' }));
}

/** Show Volume (19.4). */
export async function getVolume(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Volume> {
  return (await computeRequest(target, { api: 'proxy', path: encodePath`/os-volumes/${id}`, schema: volumeResponseSchema, signal })).volume;
}

/** Create Volume (19.1): answers at once with status creating. */
export async function createVolume(target: ComputeTarget, request: CreateVolumeRequest): Promise<Volume> {
  const body = await computeRequest(target, {
    api: 'proxy',
    method: 'post',
    path: '/os-volumes',
    data: { volume: request },
    schema: volumeResponseSchema,
  });
  return body.volume;
}

/** Delete Volume (19.5): 202, the volume goes through deleting. */
export async function deleteVolume(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { api: 'proxy', method: 'delete', path: encodePath`/os-volumes/${id}`, schema: z.unknown() });
}

/** Attach Volume (12.1), from the volume's side: POST on the server's os-volume_attachments. */
export async function attachVolume(target: ComputeTarget, request: AttachVolumeRequest): Promise<{ device: string | null }> {
  const body = await computeRequest(target, {
    method: 'post',
    path: encodePath`/servers/${request.serverId}/os-volume_attachments`,
    data: { volumeAttachment: { volumeId: request.volumeId, ...(request.device ? { device: request.device } : {}) } },
    schema: volumeAttachmentResponseSchema,
  });
  return { device: body.volumeAttachment.device ?? null };
}

/** Detach Volume (12.2). */
export async function detachVolume(target: ComputeTarget, serverId: string, volumeId: string): Promise<void> {
  await computeRequest(target, {
    method: 'delete',
    path: encodePath`/servers/${serverId}/os-volume_attachments/${volumeId}`,
    schema: z.unknown(),
  });
}

/** Show Attached Volume (12.4): the attachment as the server sees it (its device). */
export async function getVolumeAttachment(target: ComputeTarget, serverId: string, volumeId: string, signal?: AbortSignal): Promise<{ device: string | null }> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${serverId}/os-volume_attachments/${volumeId}`,
    schema: volumeAttachmentResponseSchema,
    signal,
  });
  return { device: body.volumeAttachment.device ?? null };
}
