import type { Db } from '../db/database.ts';
import { microTime, uuid } from '../ids.ts';

type SnapshotStatus = 'creating' | 'available' | 'deleting' | 'error';

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

export function countSnapshots(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE project_id = ?').get(projectId) as { n: number }).n;
}

export interface NewSnapshot {
  projectId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  size: number;
  /** Epoch ms when `creating` ends. */
  dueAt: number;
}

export function insertSnapshot(db: Db, s: NewSnapshot): Snapshot {
  const id = uuid();
  const now = microTime();
  db.prepare(
    `INSERT INTO snapshots (id, project_id, volume_id, name, description, size, status, created_at, updated_at, due_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, 'creating', ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM snapshots))`,
  ).run(id, s.projectId, s.volumeId, s.name, s.description, s.size, now, now, s.dueAt);
  return getSnapshot(db, s.projectId, id)!;
}

export function setSnapshotDeleting(db: Db, id: string, dueAt: number): void {
  db.prepare(`UPDATE snapshots SET status = 'deleting', updated_at = ?, due_at = ? WHERE id = ?`).run(microTime(), dueAt, id);
}

/** Due transitions: creating → available, deleting → gone. */
export function advanceSnapshots(db: Db, nowMs: number): number {
  const done = db
    .prepare(
      `UPDATE snapshots SET status = 'available', updated_at = ?, due_at = NULL
       WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'creating'`,
    )
    .run(microTime(nowMs), nowMs).changes;
  const gone = db
    .prepare(`DELETE FROM snapshots WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'deleting'`)
    .run(nowMs).changes;
  return done + gone;
}
