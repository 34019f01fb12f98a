import type { Volume } from './schemas';

/**
 * What the spec allows with a volume, decided before anything is sent. Each check returns
 * the i18n key of the reason it is not possible, or null.
 */

/** Spec 19.5: a plain delete needs one of these statuses. */
const DELETABLE_VOLUME_STATUSES = ['available', 'error', 'error_restoring', 'error_extending'];

export type VolumeDeleteRefusal = 'attached' | 'hasSnapshots' | 'status';

/**
 * Spec 19.5's refusals, in the order a user can act on them: attached (detach first), with
 * snapshots (delete them first), in another status (wait). `snapshotCount` is the number of
 * the volume's snapshots not yet deleted.
 */
export function volumeDeleteRefusal(volume: Pick<Volume, 'status' | 'attachments'>, snapshotCount: number): VolumeDeleteRefusal | null {
  if (volume.attachments.length > 0 || volume.status === 'in-use') return 'attached';
  if (snapshotCount > 0) return 'hasSnapshots';
  if (!DELETABLE_VOLUME_STATUSES.includes(volume.status)) return 'status';
  return null;
}

/** A server as the attach dialog needs it. */
export interface AttachTarget {
  id: string;
  name: string;
  status: string;
  zone: string | null;
}

/**
 * Spec 12.1: the volume must be available, and in the server's availability zone; the
 * server may not be SUSPENDED or PAUSED (nor between states).
 */
export function attachProblem(volume: Pick<Volume, 'status' | 'availabilityZone'>, server: AttachTarget): string | null {
  if (volume.status !== 'available') return 'volumes.attach.volumeNotAvailable';
  if (server.zone && volume.availabilityZone && server.zone !== volume.availabilityZone) return 'volumes.attach.otherZone';
  if (!['ACTIVE', 'SHUTOFF'].includes(server.status.toUpperCase())) return 'volumes.attach.serverState';
  return null;
}

/** Spec 19.1: a size in whole GB above 0; from a snapshot, optional but not below its size. */
export function volumeSizeProblem(size: number | '' | undefined, snapshotSize: number | null): string | null {
  if (size === '' || size === undefined) return snapshotSize === null ? 'volumes.validation.sizeRequired' : null;
  if (!Number.isInteger(size) || size < 1) return 'volumes.validation.sizeInteger';
  if (snapshotSize !== null && size < snapshotSize) return 'volumes.validation.sizeBelowSnapshot';
  return null;
}

export function isTransitionalVolume(volume: Pick<Volume, 'status'>): boolean {
  return ['creating', 'attaching', 'detaching', 'deleting', 'extending', 'downloading', 'uploading', 'restoring-backup', 'backing-up'].includes(
    volume.status,
  );
}
