import type { Db } from '../db/database.ts';
import { finishSavingImages } from './images.ts';
import { advanceSnapshots } from './snapshots.ts';
import { advanceVolumes } from './volumes.ts';

/**
 * Moves every volume, snapshot and image whose transitional state is due (creating →
 * available, saving → active, deleting → gone). Due times live in the database, so a
 * restarted cloud picks up where it stopped. Called by the lifecycle engine (lifecycle/engine.ts).
 */
export function advanceResources(db: Db, nowMs: number): void {
  db.transaction(() => {
    advanceVolumes(db, nowMs);
    advanceSnapshots(db, nowMs);
    finishSavingImages(db, nowMs);
  })();
}

/** The earliest due time (epoch ms) of a volume, snapshot or image still in transition, or null. */
export function nextResourceDueAt(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT MIN(t) AS t FROM (
         SELECT MIN(due_at) AS t FROM volumes WHERE due_at IS NOT NULL
         UNION ALL SELECT MIN(due_at) FROM snapshots WHERE due_at IS NOT NULL
         UNION ALL SELECT MIN(due_at) FROM images WHERE due_at IS NOT NULL)`,
    )
    .get() as { t: number | null };
  return row.t;
}
