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

const fromRow = <R extends ImageRow>(r: R): Omit<R, 'metadata'> & Pick<Image, 'metadata'> => ({
  ...r,
  metadata: JSON.parse(r.metadata) as Record<string, string>,
});

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

// ---- The Image API (Glance v2): its own visibility rules and filters over the same rows ----

/** Who reads through the Image API: Glance decides what one sees by project and admin role. */
export interface ImageApiAccess {
  projectId: string;
  isAdmin: boolean;
}

/** Glance's columns as the API names them; those this cloud does not record are NULL (or false). */
const IMAGE_API_COLUMNS = {
  id: 'i.id',
  name: 'i.name',
  status: 'i.status',
  visibility: 'i.visibility',
  owner: 'i.project_id',
  size: 'i.size',
  min_ram: 'i.min_ram',
  min_disk: 'i.min_disk',
  created_at: 'i.created_at',
  updated_at: 'i.updated_at',
  // Recorded only as the image's own properties (a snapshot's, when the request gave them).
  disk_format: `json_extract(i.metadata, '$.disk_format')`,
  container_format: `json_extract(i.metadata, '$.container_format')`,
  virtual_size: 'NULL',
  checksum: 'NULL',
  os_hash_algo: 'NULL',
  os_hash_value: 'NULL',
  protected: '0',
  os_hidden: '0',
} as const;
export type ImageApiField = keyof typeof IMAGE_API_COLUMNS;
export const isImageApiField = (name: string): name is ImageApiField => Object.hasOwn(IMAGE_API_COLUMNS, name);

/** One condition of a Glance list query (glance/db/sqlalchemy/api.py's image, property and tag conditions). */
export type ImageApiCondition =
  | { field: ImageApiField; op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: string | number | boolean }
  | { field: ImageApiField; op: 'in'; values: string[] }
  | { property: string; value: string }
  | { tag: string };

const SQL_OP = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** An image with the formats Glance shows. */
export interface ImageApiRow extends Image {
  disk_format: string | null;
  container_format: string | null;
}
type ImageApiDbRow = Omit<ImageApiRow, 'metadata'> & ImageRow;

const API_SELECT = `SELECT i.*, ${IMAGE_API_COLUMNS.disk_format} AS disk_format, ${IMAGE_API_COLUMNS.container_format} AS container_format FROM images i`;

/**
 * Glance's visibility (glance/db/sqlalchemy/api.py, _select_images_query): an admin sees
 * every image; anyone else the public and community ones and the project's own (this cloud
 * has no image members, so nothing is shared).
 */
function accessSql(access: ImageApiAccess): string {
  return access.isAdmin ? '1' : `(i.visibility IN ('public', 'community') OR i.project_id = @projectId)`;
}

/** An image the caller may see through the Image API (a killed one included, a deleted one not). */
export function imageApiRow(db: Db, access: ImageApiAccess, id: string): ImageApiRow | undefined {
  const row = db
    .prepare(`${API_SELECT} WHERE i.id = @id AND i.status != 'deleted' AND ${accessSql(access)}`)
    .get({ id, projectId: access.projectId }) as ImageApiDbRow | undefined;
  return row && fromRow(row);
}

/**
 * The images a Glance list may show, unsorted: never deleted or killed ones; with a
 * `visibility` other than `all` only that visibility; without one, community images only the
 * project's own. Then every condition holds.
 */
export function imageApiRows(db: Db, access: ImageApiAccess, visibility: string | undefined, conditions: ImageApiCondition[]): ImageApiRow[] {
  const where = [`i.status NOT IN ('deleted', 'killed')`, accessSql(access)];
  const params: Record<string, unknown> = { projectId: access.projectId };
  if (visibility === undefined) where.push(`(i.project_id = @projectId OR i.visibility != 'community')`);
  else if (visibility !== 'all') {
    where.push('i.visibility = @visibility');
    params.visibility = visibility;
  }
  conditions.forEach((c, n) => {
    const p = `c${n}`;
    if ('tag' in c) where.push('0'); // this cloud keeps no image tags
    else if ('property' in c) {
      where.push(`EXISTS (SELECT 1 FROM json_each(i.metadata) WHERE key = @${p}k AND value = @${p}v)`);
      params[`${p}k`] = c.property;
      params[`${p}v`] = c.value;
    } else if (c.op === 'in') {
      const names = c.values.map((v, k) => {
        params[`${p}_${k}`] = v;
        return `@${p}_${k}`;
      });
      where.push(names.length ? `${IMAGE_API_COLUMNS[c.field]} IN (${names.join(', ')})` : '0');
    } else {
      where.push(`${IMAGE_API_COLUMNS[c.field]} ${SQL_OP[c.op]} @${p}`);
      params[p] = typeof c.value === 'boolean' ? Number(c.value) : c.value;
    }
  });
  const rows = db.prepare(`${API_SELECT} WHERE ${where.join(' AND ')}`).all(params) as ImageApiDbRow[];
  return rows.map(fromRow);
}
