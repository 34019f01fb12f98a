import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound, quotaExceeded } from '../errors.ts';
import { scheduleTick } from '../lifecycle/engine.ts';
import { limited, type Query } from '../pagination.ts';
import { defaultZone } from '../repositories/availability-zones.ts';
import { getSnapshot } from '../repositories/snapshots.ts';
import {
  countVolumes,
  deleteAttachment,
  getVolume,
  hasSnapshots,
  insertAttachment,
  insertVolume,
  listVolumes,
  setVolumeStatus,
  usedGigabytes,
  volumeStatus,
  type Attachment,
  type Volume,
} from '../repositories/volumes.ts';

// Chapter 19: Nova's os-volumes proxy to block storage, with Cinder's rules; and the
// volumes the servers area makes, attaches and detaches.

/** The block storage types this cloud offers (Huawei EVS's names). */
const VOLUME_TYPES = ['SATA', 'SAS', 'SSD', 'GPSSD', 'ESSD'];

/** Cinder's default per-project quotas; Nova only proxies them, so they live here. */
export const CINDER_QUOTAS = { volumes: 10, snapshots: 10, gigabytes: 1000 };

/**
 * Cinder's volumes and gigabytes quotas for `count` new volumes of `gigabytes` in all;
 * Nova's proxy reports them as 403 (the spec's 19.1 calls it a 500).
 */
export function enforceVolumeQuota(db: Db, projectId: string, count: number, gigabytes: number): void {
  if (countVolumes(db, projectId) + count > CINDER_QUOTAS.volumes) {
    throw quotaExceeded(`VolumeLimitExceeded: Maximum number of volumes allowed (${CINDER_QUOTAS.volumes}) exceeded for quota 'volumes'.`);
  }
  const used = usedGigabytes(db, projectId);
  if (used + gigabytes > CINDER_QUOTAS.gigabytes) {
    throw quotaExceeded(
      `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${gigabytes}G, quota is ${CINDER_QUOTAS.gigabytes}G and ${used}G has been consumed.`,
    );
  }
}

export const volumesOf = (db: Db, ctx: RequestContext, query: Query): Volume[] => limited(listVolumes(db, ctx.projectId), query);

export function showVolume(db: Db, ctx: RequestContext, id: string): Volume {
  const v = getVolume(db, ctx.projectId, id);
  if (!v) throw notFound(`Volume ${id} could not be found.`);
  return v;
}

export interface VolumeCreate {
  volume_type?: string | null;
  metadata?: Record<string, unknown> | null;
  snapshot_id?: string | null;
  size?: number | string | null;
  availability_zone?: string | null;
  display_name?: string | null;
  display_description?: string | null;
}

/** Cinder's checks on volume metadata (the 400s section 19.1 lists). */
function validMetadata(md: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(md ?? {})) {
    if (k.trim() === '') throw badRequest('Invalid input received: Metadata property key blank.');
    if (k.length > 255) throw badRequest('Invalid input received: Metadata property key greater than 255 characters.');
    if (typeof v !== 'string') throw badRequest(`Invalid input received: Metadata property value for key ${k} must be a string.`);
    if (v.length > 255) throw badRequest('Invalid input received: Metadata property value greater than 255 characters.');
    out[k] = v;
  }
  return out;
}

function checkLength(field: string, v: string | null | undefined) {
  if (v && v.length > 255) throw badRequest(`Invalid input received: ${field} has more than 255 characters.`);
}

/** 19.1: a new volume, `creating` until the engine makes it available. */
export function createVolume(db: Db, ctx: RequestContext, body: VolumeCreate, config: { transitionMs: number }): Volume {
  const { projectId, userId } = ctx;
  checkLength('display_name', body.display_name);
  checkLength('display_description', body.display_description);
  const metadata = validMetadata(body.metadata);
  const volume = db.transaction(() => {
    // From a snapshot (section 19.1): size may be omitted and then is the snapshot's;
    // the zone and type default to the source volume's, as Cinder does.
    const snapshot = body.snapshot_id ? getSnapshot(db, projectId, body.snapshot_id) : undefined;
    if (body.snapshot_id && !snapshot) throw notFound(`Snapshot ${body.snapshot_id} could not be found.`);
    if (snapshot && snapshot.status !== 'available') {
      throw badRequest(`Invalid input received: Invalid snapshot: Originating snapshot status must be one of 'available' values`);
    }
    const source = snapshot ? getVolume(db, projectId, snapshot.volume_id) : undefined;
    const sizeGiven = body.size !== undefined && body.size !== null;
    if (!sizeGiven && !snapshot) throw badRequest("Invalid input for field/attribute volume. Value: None. 'size' is a required property");
    const size = sizeGiven ? Number(body.size) : snapshot!.size;
    if (!Number.isInteger(size) || size < 1) {
      throw badRequest(`Invalid input received: Volume size '${body.size}' must be an integer and greater than 0`);
    }
    if (snapshot && size < snapshot.size) {
      throw badRequest(
        `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`,
      );
    }
    const volumeType = body.volume_type ?? source?.volume_type ?? null;
    if (volumeType !== null && !VOLUME_TYPES.includes(volumeType)) {
      throw notFound(`Volume type with name ${volumeType} could not be found.`);
    }
    enforceVolumeQuota(db, projectId, 1, size);
    // An unknown zone is not refused up front: the volume goes to `error` when its
    // creation completes, as section 19.1 describes.
    return insertVolume(db, {
      projectId,
      userId,
      name: body.display_name ?? null,
      description: body.display_description ?? null,
      size,
      availabilityZone: body.availability_zone ?? source?.availability_zone ?? defaultZone(db),
      volumeType,
      snapshotId: snapshot?.id ?? null,
      metadata,
      status: 'creating',
      dueAt: Date.now() + config.transitionMs,
    });
  })();
  scheduleTick(db, Date.now() + config.transitionMs);
  return volume;
}

/** Cinder's statuses from which a plain delete is allowed (section 19.5). */
const DELETABLE = new Set(['available', 'error', 'error_restoring', 'error_extending']);

/**
 * 19.5: deleting, then gone when the engine reaches it. Refused, as Cinder refuses it and
 * Nova's proxy answers 400, while attached, with snapshots, or in another status.
 */
export function deleteVolume(db: Db, ctx: RequestContext, id: string, config: { transitionMs: number }): void {
  db.transaction(() => {
    const v = showVolume(db, ctx, id);
    if (!DELETABLE.has(v.status) || v.attachments.length > 0 || hasSnapshots(db, id)) {
      throw badRequest(
        'Invalid input received: Invalid volume: Volume status must be available or error or error_restoring or ' +
          'error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots ' +
          `or be disassociated from snapshots after volume transfer. (current status: ${v.status})`,
      );
    }
    setVolumeStatus(db, id, 'deleting', Date.now() + config.transitionMs);
  })();
  scheduleTick(db, Date.now() + config.transitionMs);
}

export interface BootVolumeRequest {
  projectId: string;
  userId?: string;
  size: number;
  imageId: string;
  availabilityZone: string;
  volumeType?: string | null;
  name?: string | null;
}

/**
 * The system volume of a server booted from an image (block_device_mapping_v2 with
 * source image, destination volume). Nova waits for Cinder before it goes on building,
 * so the volume is ready (available) when this returns; the server's own BUILD time
 * covers the wait.
 */
export function createBootVolume(db: Db, r: BootVolumeRequest): Volume {
  return insertVolume(db, {
    projectId: r.projectId,
    userId: r.userId ?? null,
    name: r.name ?? null,
    size: r.size,
    availabilityZone: r.availabilityZone,
    volumeType: r.volumeType ?? null,
    imageId: r.imageId,
    bootable: true,
    status: 'available',
  });
}

export interface AttachRequest {
  volumeId: string;
  serverId: string;
  device: string;
  /** Deleted with the server (block_device_mapping_v2 delete_on_termination). */
  deleteOnTermination?: boolean;
}

/** available → in-use. Any other status is Cinder's InvalidVolume, which Nova answers with 400. */
export function attachVolume(db: Db, r: AttachRequest): Attachment {
  return db.transaction(() => {
    const status = volumeStatus(db, r.volumeId);
    if (!status) throw notFound(`Volume ${r.volumeId} could not be found.`);
    if (status !== 'available') {
      throw badRequest(`Invalid volume: volume '${r.volumeId}' status must be 'available'. Currently in '${status}'`);
    }
    const a = { volumeId: r.volumeId, serverId: r.serverId, device: r.device, deleteOnTermination: !!r.deleteOnTermination };
    insertAttachment(db, a);
    setVolumeStatus(db, r.volumeId, 'in-use');
    return { id: r.volumeId, ...a };
  })();
}

/** in-use → available. Nova answers 404 when the volume is not attached to that server. */
export function detachVolume(db: Db, volumeId: string, serverId: string): void {
  db.transaction(() => {
    if (!deleteAttachment(db, volumeId, serverId)) throw notFound(`volume_id not found: ${volumeId}`);
    setVolumeStatus(db, volumeId, 'available');
  })();
}
