import { z } from 'zod';

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** A snapshot as os-snapshots sends it (spec 20.1, 20.2). */
const snapshotWireSchema = z.object({
  id: z.string(),
  status: z.string(),
  size: count,
  volumeId: z.string(),
  createdAt: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  displayDescription: z.string().nullable().optional(),
});

export const snapshotSchema = snapshotWireSchema.transform((s) => ({
  id: s.id,
  name: s.displayName ?? '',
  description: s.displayDescription ?? '',
  status: s.status.trim().toLowerCase(),
  /** GB */
  size: s.size,
  volumeId: s.volumeId,
  createdAt: s.createdAt ?? null,
}));
export type Snapshot = z.output<typeof snapshotSchema>;

export const snapshotResponseSchema = z.object({ snapshot: snapshotSchema });
export const snapshotListResponseSchema = z.object({ snapshots: z.array(snapshotSchema) });

/** Create Snapshot (spec 20.1). */
export interface CreateSnapshotRequest {
  volume_id: string;
  display_name?: string;
  display_description?: string;
  /** Needed to snapshot an in-use volume. */
  force?: boolean;
}

/** Spec 20.1: names the platform keeps for its automatic backups. */
const RESERVED_SNAPSHOT_PREFIX = 'autobk_snapshot';

/** Spec 20.1's name rule (and Nova's 255 characters). Returns an i18n key or null. */
export function snapshotNameProblem(name: string): string | null {
  if (name.startsWith(RESERVED_SNAPSHOT_PREFIX)) return 'snapshots.validation.reservedPrefix';
  if (name.length > 255) return 'snapshots.validation.nameTooLong';
  return null;
}

export function snapshotDescriptionProblem(description: string): string | null {
  return description.length > 255 ? 'snapshots.validation.descriptionTooLong' : null;
}

/** Statuses from which a snapshot can be deleted (Cinder's rule behind spec 20.3). */
export const DELETABLE_SNAPSHOT_STATUSES = ['available', 'error'];

export function isTransitionalSnapshot(snapshot: Pick<Snapshot, 'status'>): boolean {
  return ['creating', 'deleting', 'restoring'].includes(snapshot.status);
}
