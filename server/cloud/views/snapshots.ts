import type { Snapshot } from '../repositories/snapshots.ts';

/** Nova's _translate_snapshot_summary_view. */
export const snapshotView = (s: Snapshot) => ({
  id: s.id,
  volumeId: s.volume_id,
  status: s.status,
  size: s.size,
  createdAt: s.created_at,
  displayName: s.name,
  displayDescription: s.description,
});
