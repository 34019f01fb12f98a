import type { Db } from '../db/database.ts';
import { microTime, uuid } from '../ids.ts';

/** Cinder's statuses for the states this cloud models. */
export type VolumeStatus = 'creating' | 'available' | 'in-use' | 'deleting' | 'error';

export interface Attachment {
  /** Nova's proxy shows the volume id as the attachment id (translate_attachment_summary_view). */
  id: string;
  volumeId: string;
  serverId: string;
  device: string;
  /** Deleted with its server (block_device_mapping_v2); shown by servers from 2.3. */
  deleteOnTermination: boolean;
}

export interface Volume {
  id: string;
  project_id: string;
  user_id: string | null;
  name: string | null;
  description: string | null;
  size: number;
  availability_zone: string;
  volume_type: string | null;
  snapshot_id: string | null;
  image_id: string | null;
  status: VolumeStatus;
  metadata: Record<string, string>;
  bootable: boolean;
  created_at: string;
  updated_at: string;
  attachments: Attachment[];
}

interface VolumeRow extends Omit<Volume, 'metadata' | 'bootable' | 'attachments'> {
  metadata: string;
  bootable: number;
  due_at: number | null;
}

interface AttachmentRow {
  volume_id: string;
  server_id: string;
  device: string;
  delete_on_termination: number;
}

const toAttachment = (a: AttachmentRow): Attachment => ({
  id: a.volume_id,
  volumeId: a.volume_id,
  serverId: a.server_id,
  device: a.device,
  deleteOnTermination: a.delete_on_termination === 1,
});

function withAttachments(db: Db, rows: VolumeRow[]): Volume[] {
  if (rows.length === 0) return [];
  const atts = db
    .prepare('SELECT * FROM volume_attachments WHERE volume_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(JSON.stringify(rows.map((r) => r.id))) as AttachmentRow[];
  const byVolume = new Map<string, Attachment[]>();
  for (const a of atts) byVolume.set(a.volume_id, [...(byVolume.get(a.volume_id) ?? []), toAttachment(a)]);
  return rows.map(({ due_at: _due, ...r }) => ({
    ...r,
    metadata: JSON.parse(r.metadata) as Record<string, string>,
    bootable: r.bootable === 1,
    attachments: byVolume.get(r.id) ?? [],
  }));
}

/** A volume of the project; another project's volume is not found. */
export function getVolume(db: Db, projectId: string, id: string): Volume | undefined {
  const row = db.prepare('SELECT * FROM volumes WHERE id = ? AND project_id = ?').get(id, projectId) as VolumeRow | undefined;
  return row ? withAttachments(db, [row])[0] : undefined;
}

/** The status of any project's volume (attachments name volumes by id). */
export function volumeStatus(db: Db, id: string): VolumeStatus | undefined {
  return (db.prepare('SELECT status FROM volumes WHERE id = ?').get(id) as { status: VolumeStatus } | undefined)?.status;
}

/** The project's volumes, newest first as Cinder lists them. */
export function listVolumes(db: Db, projectId: string): Volume[] {
  const rows = db
    .prepare('SELECT * FROM volumes WHERE project_id = ? ORDER BY created_at DESC, seq DESC')
    .all(projectId) as VolumeRow[];
  return withAttachments(db, rows);
}

/** Gigabytes held by the project's volumes and snapshots, as Cinder counts them. */
export function usedGigabytes(db: Db, projectId: string): number {
  const v = db.prepare('SELECT COALESCE(SUM(size), 0) AS n FROM volumes WHERE project_id = ?').get(projectId) as { n: number };
  const s = db.prepare('SELECT COALESCE(SUM(size), 0) AS n FROM snapshots WHERE project_id = ?').get(projectId) as { n: number };
  return v.n + s.n;
}

export function countVolumes(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM volumes WHERE project_id = ?').get(projectId) as { n: number }).n;
}

export interface NewVolume {
  projectId: string;
  userId?: string | null;
  name?: string | null;
  description?: string | null;
  size: number;
  availabilityZone: string;
  volumeType?: string | null;
  snapshotId?: string | null;
  imageId?: string | null;
  metadata?: Record<string, string>;
  bootable?: boolean;
  status: VolumeStatus;
  /**
   * Epoch ms at which `creating` ends: available, or error when the requested zone does
   * not exist (section 19.1).
   */
  dueAt?: number | null;
  createdAt?: string;
}

export function insertVolume(db: Db, v: NewVolume): Volume {
  const id = uuid();
  const now = v.createdAt ?? microTime();
  db.prepare(
    `INSERT INTO volumes (id, project_id, user_id, name, description, size, availability_zone, volume_type, snapshot_id,
                          image_id, status, metadata, bootable, created_at, updated_at, due_at, seq)
     VALUES (@id, @project_id, @user_id, @name, @description, @size, @az, @volume_type, @snapshot_id, @image_id,
             @status, @metadata, @bootable, @now, @now, @due_at, (SELECT COALESCE(MAX(seq), 0) + 1 FROM volumes))`,
  ).run({
    id,
    project_id: v.projectId,
    user_id: v.userId ?? null,
    name: v.name ?? null,
    description: v.description ?? null,
    size: v.size,
    az: v.availabilityZone,
    volume_type: v.volumeType ?? null,
    snapshot_id: v.snapshotId ?? null,
    image_id: v.imageId ?? null,
    status: v.status,
    metadata: JSON.stringify(v.metadata ?? {}),
    bootable: v.bootable ? 1 : 0,
    now,
    due_at: v.dueAt ?? null,
  });
  return getVolume(db, v.projectId, id)!;
}

/** A new status (and, for creating and deleting, when it ends). */
export function setVolumeStatus(db: Db, id: string, status: VolumeStatus, dueAt: number | null = null): void {
  db.prepare('UPDATE volumes SET status = ?, updated_at = ?, due_at = ? WHERE id = ?').run(status, microTime(), dueAt, id);
}

export function insertAttachment(db: Db, a: Omit<Attachment, 'id'>): void {
  db.prepare(
    `INSERT INTO volume_attachments (id, volume_id, server_id, device, delete_on_termination, created_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM volume_attachments))`,
  ).run(uuid(), a.volumeId, a.serverId, a.device, a.deleteOnTermination ? 1 : 0, microTime());
}

/** false when the volume was not attached to that server. */
export function deleteAttachment(db: Db, volumeId: string, serverId: string): boolean {
  return db.prepare('DELETE FROM volume_attachments WHERE volume_id = ? AND server_id = ?').run(volumeId, serverId).changes > 0;
}

/** Attachments of many servers in one query, each list in attach order. */
export function attachmentsOfServers(db: Db, serverIds: string[]): Map<string, Attachment[]> {
  const out = new Map<string, Attachment[]>();
  if (serverIds.length === 0) return out;
  const rows = db
    .prepare('SELECT * FROM volume_attachments WHERE server_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(JSON.stringify(serverIds)) as AttachmentRow[];
  for (const a of rows) out.set(a.server_id, [...(out.get(a.server_id) ?? []), toAttachment(a)]);
  return out;
}

/**
 * When a server is deleted: every volume is detached, and those marked
 * delete_on_termination go to deleting (gone after `dueInMs`). A volume that still has
 * snapshots stays, available: Cinder refuses the delete and Nova only logs it.
 */
export function releaseServerVolumes(db: Db, serverId: string, dueInMs = 0): void {
  db.transaction(() => {
    const atts = db
      .prepare('SELECT volume_id, delete_on_termination FROM volume_attachments WHERE server_id = ?')
      .all(serverId) as { volume_id: string; delete_on_termination: number }[];
    for (const a of atts) {
      db.prepare('DELETE FROM volume_attachments WHERE volume_id = ?').run(a.volume_id);
      const deletable = a.delete_on_termination === 1 && !hasSnapshots(db, a.volume_id);
      setVolumeStatus(db, a.volume_id, deletable ? 'deleting' : 'available', deletable ? Date.now() + dueInMs : null);
    }
  })();
}

export function hasSnapshots(db: Db, volumeId: string): boolean {
  return db.prepare('SELECT 1 FROM snapshots WHERE volume_id = ? LIMIT 1').get(volumeId) !== undefined;
}

/**
 * Due transitions: creating → available (or error when the requested zone did not
 * exist, as section 19.1 says), deleting → gone.
 */
export function advanceVolumes(db: Db, nowMs: number): number {
  const now = microTime(nowMs);
  const done = db
    .prepare(
      `UPDATE volumes SET status = CASE WHEN availability_zone IN (SELECT name FROM availability_zones) THEN 'available' ELSE 'error' END,
                          updated_at = ?, due_at = NULL
       WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'creating'`,
    )
    .run(now, nowMs).changes;
  const gone = db
    .prepare(`DELETE FROM volumes WHERE due_at IS NOT NULL AND due_at <= ? AND status = 'deleting'`)
    .run(nowMs).changes;
  return done + gone;
}
