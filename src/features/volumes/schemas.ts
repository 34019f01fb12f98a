import { z } from 'zod';

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** Nova shows an unattached volume with `attachments: [{}]` (spec 19.2–19.4 samples). */
const attachmentWireSchema = z.object({
  id: z.string().optional(),
  serverId: z.string().optional(),
  volumeId: z.string().optional(),
  device: z.string().nullable().optional(),
});

/** A volume as os-volumes sends it (spec 19.1–19.4). The 19.1 sample spells the name `display_name`. */
const volumeWireSchema = z.object({
  id: z.string(),
  status: z.string(),
  size: count,
  availabilityZone: z.string().nullable().optional(),
  createdAt: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  display_name: z.string().nullable().optional(),
  displayDescription: z.string().nullable().optional(),
  volumeType: z.string().nullable().optional(),
  snapshotId: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  attachments: z.array(attachmentWireSchema).nullable().optional(),
});

export interface VolumeAttachment {
  serverId: string;
  device: string | null;
}

export const volumeSchema = volumeWireSchema.transform((v) => ({
  id: v.id,
  name: v.displayName ?? v.display_name ?? '',
  description: v.displayDescription ?? '',
  /** Cinder's status, lower case (the spec's sample has a stray blank: " available"). */
  status: v.status.trim().toLowerCase(),
  /** GB */
  size: v.size,
  availabilityZone: v.availabilityZone ?? '',
  createdAt: v.createdAt ?? null,
  volumeType: v.volumeType ?? '',
  snapshotId: v.snapshotId ?? null,
  metadata: v.metadata ?? {},
  attachments: (v.attachments ?? [])
    .filter((a): a is typeof a & { serverId: string } => Boolean(a.serverId))
    .map((a): VolumeAttachment => ({ serverId: a.serverId, device: a.device ?? null })),
}));
export type Volume = z.output<typeof volumeSchema>;

export const volumeResponseSchema = z.object({ volume: volumeSchema });
export const volumeListResponseSchema = z.object({ volumes: z.array(volumeSchema) });

/** List Volumes Summaries (19.2): the console reads only ids and names from it. */
export const volumeSummaryListResponseSchema = z.object({
  volumes: z.array(
    z.object({ id: z.string(), displayName: z.string().nullable().optional(), status: z.string().optional() }),
  ),
});

/** Create Volume (spec 19.1). */
export interface CreateVolumeRequest {
  size?: number;
  availability_zone?: string;
  display_name?: string;
  display_description?: string;
  volume_type?: string;
  snapshot_id?: string;
  metadata?: Record<string, string>;
}

/** Attach Volume (spec 12.1). */
export interface AttachVolumeRequest {
  serverId: string;
  volumeId: string;
  device?: string;
}

export const volumeAttachmentResponseSchema = z.object({
  volumeAttachment: z.object({ id: z.string(), volumeId: z.string(), serverId: z.string().optional(), device: z.string().nullable().optional() }),
});

/** Block storage types of Huawei EVS, offered as suggestions (the spec has no API that lists types). */
export const COMMON_VOLUME_TYPES = ['SATA', 'SAS', 'SSD', 'GPSSD', 'ESSD'];

