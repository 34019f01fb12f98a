import type { Db } from '../db/database.ts';
import { badRequest, notFound, quotaExceeded } from '../errors.ts';
import { uuid } from '../ids.ts';
import { CINDER_QUOTAS, cinderTime, getVolume, usedGigabytes } from './volumes.ts';

export type SnapshotStatus = 'creating' | 'available' | 'deleting' | 'error';

export interface Snapshot {
  id: string;
  project_id: string;
  volume_id: string;
  name: string | null;
  description: string | null;
  size: number;
  status: SnapshotStatus;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, project_id, volume_id, name, description, size, status, created_at, updated_at';

export function getSnapshot(db: Db, projectId: string, id: string): Snapshot | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM snapshots WHERE id = ? AND project_id = ?`).get(id, projectId) as
    | Snapshot
    | undefined;
}

export function listSnapshots(db: Db, projectId: string): Snapshot[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM snapshots WHERE project_id = ? ORDER BY created_at DESC, seq DESC`)
    .all(projectId) as Snapshot[];
}

/** Snapshot names the platform keeps for its automatic backups (section 20.1). */
export const RESERVED_SNAPSHOT_PREFIX = 'autobk_snapshot';

export interface NewSnapshot {
  projectId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  force: boolean;
  dueInMs: number;
}

/**
 * creating, then available when the transition engine reaches `dueInMs`. An in-use volume
 * needs `force` (Cinder's rule); the snapshot counts against Cinder's snapshot and
 * gigabyte quotas.
 */
export function createSnapshot(db: Db, s: NewSnapshot): Snapshot {
  if (s.name?.startsWith(RESERVED_SNAPSHOT_PREFIX)) {
    throw badRequest(`Invalid input received: Snapshot name can not start with ${RESERVED_SNAPSHOT_PREFIX}.`);
  }
  return db.transaction(() => {
    const volume = getVolume(db, s.projectId, s.volumeId);
    if (!volume) throw notFound(`Volume ${s.volumeId} could not be found.`);
    const allowed = s.force ? ['available', 'in-use'] : ['available'];
    if (!allowed.includes(volume.status)) {
      throw badRequest(
        `Invalid input received: Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`,
      );
    }
    const count = (db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE project_id = ?').get(s.projectId) as { n: number }).n;
    if (count + 1 > CINDER_QUOTAS.snapshots) {
      throw quotaExceeded(`Maximum number of snapshots allowed (${CINDER_QUOTAS.snapshots}) exceeded`);
    }
    if (usedGigabytes(db, s.projectId) + volume.size > CINDER_QUOTAS.gigabytes) {
      throw quotaExceeded(
        `Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${volume.size}G, quota is ${CINDER_QUOTAS.gigabytes}G and ${usedGigabytes(db, s.projectId)}G has been consumed.`,
      );
    }
    const id = uuid();
    const now = cinderTime();
    db.prepare(
      `INSERT INTO snapshots (id, project_id, volume_id, name, description, size, status, created_at, updated_at, due_at, seq)
       VALUES (?, ?, ?, ?, ?, ?, 'creating', ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM snapshots))`,
    ).run(id, s.projectId, volume.id, s.name, s.description, volume.size, now, now, Date.now() + s.dueInMs);
    return getSnapshot(db, s.projectId, id)!;
  })();
}

/** available or error → deleting, gone after `dueInMs`; Cinder refuses other statuses. */
export function startDeleteSnapshot(db: Db, projectId: string, id: string, dueInMs: number): void {
  db.transaction(() => {
    const s = getSnapshot(db, projectId, id);
    if (!s) throw notFound(`Snapshot ${id} could not be found.`);
    if (s.status !== 'available' && s.status !== 'error') {
      throw badRequest(
        `Invalid input received: Invalid snapshot: Volume Snapshot status must be available or error and must not be part of a group. (current status: ${s.status})`,
      );
    }
    db.prepare(`UPDATE snapshots SET status = 'deleting', updated_at = ?, due_at = ? WHERE id = ?`).run(
      cinderTime(),
      Date.now() + dueInMs,
      id,
    );
  })();
}

/** Due transitions: creating → available, deleting → gone. */
export function advanceSnapshots(db: Db, nowMs: number): number {
  const done = db
    .prepare(
      `UPDATE snapshots SET status = 'available', updated_at = ?, due_at = NULL
       WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'creating'`,
    )
    .run(cinderTime(nowMs), nowMs).changes;
  const gone = db
    .prepare(`DELETE FROM snapshots WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'deleting'`)
    .run(nowMs).changes;
  return done + gone;
}
