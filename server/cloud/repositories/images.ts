import type { Db } from '../db/database.ts';
import { isoNow, uuid } from '../ids.ts';

/** Glance's statuses; the compute API shows them as SAVING/ACTIVE/DELETED/ERROR. */
type GlanceStatus = 'queued' | 'saving' | 'active' | 'killed' | 'deleted';

export interface Image {
  id: string;
  /** null for the cloud's public images. */
  project_id: string | null;
  user_id: string | null;
  name: string | null;
  status: GlanceStatus;
  visibility: 'public' | 'private';
  min_disk: number;
  min_ram: number;
  size: number | null;
  server_id: string | null;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface ImageRow extends Omit<Image, 'metadata'> {
  metadata: string;
}

const fromRow = (r: ImageRow): Image => ({ ...r, metadata: JSON.parse(r.metadata) as Record<string, string> });

const VISIBLE = `(i.visibility = 'public' OR i.project_id = @projectId)`;

/** An image the project may use: public or its own, not deleted. */
export function getImage(db: Db, projectId: string, id: string): Image | undefined {
  const row = db
    .prepare(`SELECT i.* FROM images i WHERE i.id = @id AND i.status != 'deleted' AND ${VISIBLE}`)
    .get({ id, projectId }) as ImageRow | undefined;
  return row && fromRow(row);
}

export interface ImageFilter {
  name?: string;
  /** A glance status; `deleted` matches nothing, as the spec says it is not filterable. */
  status?: string;
  /** ISO time: images updated at or after it, deleted ones included (they show as DELETED). */
  changesSince?: string;
  minRam?: number;
  minDisk?: number;
  /** instance_uuid property: images made from this server. */
  server?: string;
  /** image_type property (snapshot, backup). */
  type?: string;
}

/** Images visible to the project, newest first as Glance lists them. */
export function listImages(db: Db, projectId: string, f: ImageFilter): Image[] {
  const where = [VISIBLE];
  const params: Record<string, unknown> = { projectId };
  if (f.changesSince === undefined) where.push(`i.status != 'deleted'`);
  else {
    where.push('i.updated_at >= @changesSince');
    params.changesSince = f.changesSince;
  }
  if (f.name !== undefined) {
    where.push('i.name = @name');
    params.name = f.name;
  }
  if (f.status !== undefined) {
    where.push(`i.status = @status AND i.status != 'deleted'`);
    params.status = f.status.toLowerCase();
  }
  if (f.minRam !== undefined) {
    where.push('i.min_ram >= @minRam');
    params.minRam = f.minRam;
  }
  if (f.minDisk !== undefined) {
    where.push('i.min_disk >= @minDisk');
    params.minDisk = f.minDisk;
  }
  if (f.server !== undefined) {
    where.push(`json_extract(i.metadata, '$.instance_uuid') = @server`);
    params.server = f.server;
  }
  if (f.type !== undefined) {
    where.push(`json_extract(i.metadata, '$.image_type') = @type`);
    params.type = f.type;
  }
  const sql = `SELECT i.* FROM images i WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.seq DESC`;
  return (db.prepare(sql).all(params) as ImageRow[]).map(fromRow);
}

export interface NewImage {
  id?: string;
  projectId: string | null;
  userId?: string | null;
  name: string;
  status: GlanceStatus;
  visibility: 'public' | 'private';
  minDisk?: number;
  minRam?: number;
  size?: number | null;
  serverId?: string | null;
  metadata?: Record<string, string>;
  createdAt?: string;
  /** Epoch ms when a transitional status (saving) ends. */
  dueAt?: number | null;
}

export function insertImage(db: Db, img: NewImage): Image {
  const id = img.id ?? uuid();
  const now = img.createdAt ?? isoNow();
  db.prepare(
    `INSERT INTO images (id, project_id, user_id, name, status, visibility, min_disk, min_ram, size, server_id,
                         metadata, created_at, updated_at, due_at, seq)
     VALUES (@id, @project_id, @user_id, @name, @status, @visibility, @min_disk, @min_ram, @size, @server_id,
             @metadata, @now, @now, @due_at, (SELECT COALESCE(MAX(seq), 0) + 1 FROM images))`,
  ).run({
    id,
    project_id: img.projectId,
    user_id: img.userId ?? null,
    name: img.name,
    status: img.status,
    visibility: img.visibility,
    min_disk: img.minDisk ?? 0,
    min_ram: img.minRam ?? 0,
    size: img.size ?? null,
    server_id: img.serverId ?? null,
    metadata: JSON.stringify(img.metadata ?? {}),
    now,
    due_at: img.dueAt ?? null,
  });
  return fromRow(db.prepare('SELECT * FROM images WHERE id = ?').get(id) as ImageRow);
}

/** Glance's soft delete: the row stays with status deleted (section 7.5). */
export function softDeleteImage(db: Db, id: string): void {
  const now = isoNow();
  db.prepare(`UPDATE images SET status = 'deleted', deleted_at = @now, updated_at = @now, due_at = NULL WHERE id = @id`).run({
    id,
    now,
  });
}

/** SAVING images whose time is up become active. */
export function finishSavingImages(db: Db, nowMs: number): number {
  return db
    .prepare(
      `UPDATE images SET status = 'active', due_at = NULL, updated_at = @now
       WHERE due_at IS NOT NULL AND due_at <= @nowMs AND status IN ('queued', 'saving')`,
    )
    .run({ nowMs, now: isoNow(nowMs) }).changes;
}

/** Replaces an image's properties (Glance's metadata of the compute API's image proxy). */
export function setImageMetadata(db: Db, id: string, metadata: Record<string, string>): void {
  db.prepare('UPDATE images SET metadata = @metadata, updated_at = @now WHERE id = @id').run({ id, metadata: JSON.stringify(metadata), now: isoNow() });
}
