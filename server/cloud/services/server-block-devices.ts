import { isTrue } from '../booleans.ts';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest } from '../errors.ts';
import { getImage } from '../repositories/images.ts';
import { getSnapshot } from '../repositories/snapshots.ts';
import { getVolume, insertVolume, type Volume } from '../repositories/volumes.ts';
import { attachVolume, createBootVolume } from './volumes.ts';

// block_device_mapping_v2 of POST /servers (4.2): the spec's sources (volume, image,
// snapshot; destination volume), what each needs, and the volumes a create attaches.

/** One mapping of the request, as the schema lets it through. */
export interface BlockDeviceMapping {
  source_type?: string;
  destination_type?: string;
  uuid?: string;
  volume_id?: string;
  image_id?: string;
  snapshot_id?: string;
  boot_index?: unknown;
  volume_size?: number | string;
  delete_on_termination?: boolean | string;
  volume_type?: string;
}

export interface BlockDevice {
  source: 'volume' | 'image' | 'snapshot';
  uuid?: string;
  bootIndex: number | null;
  volumeSize?: number;
  deleteOnTermination: boolean;
  volumeType?: string;
}

/** The mappings the spec supports, with Nova's messages for the rest. */
export function blockDevicesOf(mappings: BlockDeviceMapping[] | undefined): BlockDevice[] {
  const out = (mappings ?? []).map((b): BlockDevice => {
    const source = b.source_type;
    // The spec (4.2, block_device_mapping_v2.source_type) supports volume, image and snapshot.
    if (source !== 'volume' && source !== 'image' && source !== 'snapshot') {
      throw badRequest(`Block Device Mapping is Invalid: source_type ${String(source)} is not supported; use volume, image or snapshot.`);
    }
    if ((b.destination_type ?? 'volume') !== 'volume') throw badRequest('Block Device Mapping is Invalid: destination_type must be volume.');
    const uuid = b.uuid ?? b[`${source}_id`];
    if (!uuid) throw badRequest('Block Device Mapping is Invalid: You specified more local devices than the limit allows');
    const index = b.boot_index === undefined || b.boot_index === null ? null : Number(b.boot_index);
    return {
      source,
      uuid,
      bootIndex: index === null || index < 0 ? null : index,
      volumeSize: b.volume_size === undefined ? undefined : Number(b.volume_size),
      deleteOnTermination: isTrue(b.delete_on_termination),
      volumeType: b.volume_type,
    };
  });
  if (out.filter((b) => b.bootIndex === 0).length > 1) {
    throw badRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
  }
  return out;
}

export interface VolumePlan {
  source: 'volume' | 'image' | 'snapshot';
  volumeId?: string;
  imageId?: string;
  snapshotId?: string;
  size?: number;
  bootIndex: number | null;
  deleteOnTermination: boolean;
  volumeType?: string;
  /** A volume from a snapshot: the zone, bootable flag and image of the snapshot's volume. */
  from?: { zone: string; bootable: boolean; imageId: string | null };
}

/** The volume a snapshot was taken of, when the snapshot is the project's. */
export function snapshotSource(db: Db, projectId: string, snapshotId: string): Volume | undefined {
  const snap = getSnapshot(db, projectId, snapshotId);
  return snap && getVolume(db, projectId, snap.volume_id);
}

/** What each mapping will attach: checked against the project's volumes, images and snapshots. */
export function planVolumes(db: Db, ctx: RequestContext, devices: BlockDevice[], zoneName: string): VolumePlan[] {
  return devices.map((b) => {
    if (b.source === 'volume') {
      const v = getVolume(db, ctx.projectId, b.uuid!);
      if (!v) throw badRequest(`Block Device Mapping is Invalid: failed to get volume ${b.uuid}.`);
      if (v.status !== 'available') {
        throw badRequest(`Invalid volume: volume '${v.id}' status must be 'available'. Currently in '${v.status}'`);
      }
      if (zoneName && v.availability_zone !== zoneName) {
        throw badRequest(`Server and volumes are not in the same availability zone. Server is in: ${zoneName}. Volumes are in: ${v.availability_zone}`);
      }
      return { source: 'volume', volumeId: v.id, bootIndex: b.bootIndex, deleteOnTermination: b.deleteOnTermination };
    }
    if (b.source === 'snapshot') return snapshotPlan(db, ctx, b, zoneName);
    const image = getImage(db, ctx.projectId, b.uuid!);
    if (!image) throw badRequest(`Block Device Mapping is Invalid: failed to get image ${b.uuid}.`);
    if (image.status !== 'active') throw badRequest(`Image ${image.id} is not active.`);
    const size = b.volumeSize ?? image.min_disk;
    if (!size) throw badRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
    if (size < image.min_disk) {
      throw badRequest(`Volume is smaller than the minimum size specified in image metadata. Volume size is ${size * 1024 ** 3} bytes, minimum size is ${image.min_disk * 1024 ** 3} bytes.`);
    }
    return { source: 'image', imageId: image.id, size, bootIndex: b.bootIndex, deleteOnTermination: b.deleteOnTermination, volumeType: b.volumeType };
  });
}

/**
 * source_type snapshot: Cinder makes a new volume from the snapshot (its size unless
 * volume_size asks for more; bootable and image as the snapshot's volume), and Nova attaches
 * it. As boot disk the snapshot must be of a system disk (spec 4.2, source_type). Nova
 * answers an unknown snapshot (another project's too) with 400; the snapshot's status, the
 * size and the zone are Cinder's checks, made here at once rather than failing the build.
 */
function snapshotPlan(db: Db, ctx: RequestContext, b: BlockDevice, zoneName: string): VolumePlan {
  const snap = getSnapshot(db, ctx.projectId, b.uuid!);
  if (!snap) {
    throw badRequest(b.bootIndex === 0 ? `Snapshot ${b.uuid} could not be found.` : `Block Device Mapping is Invalid: failed to get snapshot ${b.uuid}.`);
  }
  if (snap.status !== 'available') {
    throw badRequest("Invalid input received: Invalid snapshot: Originating snapshot status must be one of 'available' values");
  }
  const source = getVolume(db, ctx.projectId, snap.volume_id);
  if (!source) throw badRequest(`Block Device Mapping is Invalid: failed to get volume ${snap.volume_id}.`);
  if (b.bootIndex === 0 && !source.bootable) {
    throw badRequest(
      `Block Device ${source.id} is not bootable. Snapshot ${snap.id} was taken of a data disk; a server boots only from a snapshot of a system disk.`,
    );
  }
  const size = b.volumeSize ?? snap.size;
  if (size < snap.size) {
    throw badRequest(
      `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snap.size}GB. They must be >= original snapshot size.`,
    );
  }
  if (zoneName && source.availability_zone !== zoneName) {
    throw badRequest('Invalid input received: Volume must be in the same availability zone as the snapshot');
  }
  return {
    source: 'snapshot',
    snapshotId: snap.id,
    size,
    bootIndex: b.bootIndex,
    deleteOnTermination: b.deleteOnTermination,
    volumeType: b.volumeType ?? source.volume_type ?? undefined,
    from: { zone: source.availability_zone, bootable: source.bootable, imageId: source.image_id },
  };
}

/** The server's volumes: the boot disk /dev/vda, then /dev/vdb... (spec 4.2: device_name is not honoured). */
export function attachPlannedVolumes(db: Db, ctx: RequestContext, serverId: string, plans: VolumePlan[], zoneName: string): void {
  const ordered = [...plans].sort((a, b) => (a.bootIndex === 0 ? -1 : b.bootIndex === 0 ? 1 : 0));
  let letter = ordered.some((p) => p.bootIndex === 0) ? 0 : 1;
  for (const p of ordered) {
    let volumeId = p.volumeId;
    if (p.source === 'image') {
      volumeId = createBootVolume(db, {
        projectId: ctx.projectId,
        userId: ctx.userId,
        size: p.size!,
        imageId: p.imageId!,
        availabilityZone: zoneName,
        volumeType: p.volumeType ?? null,
      }).id;
    }
    if (p.source === 'snapshot') {
      // Ready at once, as the image's volume above: the server's BUILD covers Cinder's work.
      volumeId = insertVolume(db, {
        projectId: ctx.projectId,
        userId: ctx.userId,
        size: p.size!,
        availabilityZone: p.from!.zone,
        volumeType: p.volumeType ?? null,
        snapshotId: p.snapshotId,
        imageId: p.from!.imageId,
        bootable: p.from!.bootable,
        status: 'available',
      }).id;
    }
    attachVolume(db, { volumeId: volumeId!, serverId, device: `/dev/vd${String.fromCharCode(97 + letter)}`, deleteOnTermination: p.deleteOnTermination });
    letter++;
  }
}
