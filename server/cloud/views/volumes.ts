import type { Volume } from '../repositories/volumes.ts';

/**
 * Nova's _translate_volume_summary_view: an unattached volume shows `attachments: [{}]`
 * (as the spec's 19.2–19.4 samples do); the attachment id is the volume id.
 */
export function volumeView(v: Volume) {
  return {
    id: v.id,
    status: v.status,
    size: v.size,
    availabilityZone: v.availability_zone,
    createdAt: v.created_at,
    attachments: v.attachments.length
      ? v.attachments.map((a) => ({ id: a.id, volumeId: a.volumeId, serverId: a.serverId, device: a.device }))
      : [{}],
    displayName: v.name,
    displayDescription: v.description,
    volumeType: v.volume_type,
    snapshotId: v.snapshot_id,
    metadata: v.metadata,
  };
}
