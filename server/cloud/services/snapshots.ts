import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound, quotaExceeded } from '../errors.ts';
import { scheduleTick } from '../lifecycle/engine.ts';
import { limited, type Query } from '../pagination.ts';
import { countSnapshots, getSnapshot, insertSnapshot, listSnapshots, setSnapshotDeleting, type Snapshot } from '../repositories/snapshots.ts';
import { getVolume, usedGigabytes } from '../repositories/volumes.ts';
import { CINDER_QUOTAS } from './volumes.ts';

// Chapter 20: Nova's os-snapshots proxy (volume snapshots), with Cinder's rules.

/** Snapshot names the platform keeps for its automatic backups (section 20.1). */
const RESERVED_SNAPSHOT_PREFIX = 'autobk_snapshot';

export const snapshotsOf = (db: Db, ctx: RequestContext, query: Query): Snapshot[] => limited(listSnapshots(db, ctx.projectId), query);

export function showSnapshot(db: Db, ctx: RequestContext, id: string): Snapshot {
  const s = getSnapshot(db, ctx.projectId, id);
  if (!s) throw notFound(`Snapshot ${id} could not be found.`);
  return s;
}

export interface SnapshotRequest {
  projectId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  force: boolean;
}

/**
 * creating, then available when the transition engine reaches `transitionMs`. An in-use
 * volume needs `force` (Cinder's rule); the snapshot counts against Cinder's snapshot and
 * gigabyte quotas.
 */
export function createSnapshot(db: Db, s: SnapshotRequest, config: { transitionMs: number }): Snapshot {
  if (s.name?.startsWith(RESERVED_SNAPSHOT_PREFIX)) {
    throw badRequest(`Invalid input received: Snapshot name can not start with ${RESERVED_SNAPSHOT_PREFIX}.`);
  }
  const snapshot = db.transaction(() => {
    const volume = getVolume(db, s.projectId, s.volumeId);
    if (!volume) throw notFound(`Volume ${s.volumeId} could not be found.`);
    const allowed = s.force ? ['available', 'in-use'] : ['available'];
    if (!allowed.includes(volume.status)) {
      throw badRequest(
        `Invalid input received: Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`,
      );
    }
    if (countSnapshots(db, s.projectId) + 1 > CINDER_QUOTAS.snapshots) {
      throw quotaExceeded(`Maximum number of snapshots allowed (${CINDER_QUOTAS.snapshots}) exceeded`);
    }
    const used = usedGigabytes(db, s.projectId);
    if (used + volume.size > CINDER_QUOTAS.gigabytes) {
      throw quotaExceeded(
        `Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${volume.size}G, quota is ${CINDER_QUOTAS.gigabytes}G and ${used}G has been consumed.`,
      );
    }
    return insertSnapshot(db, { ...s, volumeId: volume.id, size: volume.size, dueAt: Date.now() + config.transitionMs });
  })();
  scheduleTick(db, Date.now() + config.transitionMs);
  return snapshot;
}

/** available or error → deleting, gone when the engine reaches it; Cinder refuses other statuses. */
export function deleteSnapshot(db: Db, ctx: RequestContext, id: string, config: { transitionMs: number }): void {
  db.transaction(() => {
    const s = showSnapshot(db, ctx, id);
    if (s.status !== 'available' && s.status !== 'error') {
      throw badRequest(
        `Invalid input received: Invalid snapshot: Volume Snapshot status must be available or error and must not be part of a group. (current status: ${s.status})`,
      );
    }
    setSnapshotDeleting(db, id, Date.now() + config.transitionMs);
  })();
  scheduleTick(db, Date.now() + config.transitionMs);
}
