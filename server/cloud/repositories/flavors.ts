import type { Db } from '../db/database.ts';
import { isoNow } from '../ids.ts';

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  swap: number;
  ephemeral: number;
  rxtx_factor: number;
  is_public: boolean;
  disabled: boolean;
  extra_specs: Record<string, string>;
}

interface FlavorRow extends Omit<Flavor, 'is_public' | 'disabled' | 'extra_specs'> {
  is_public: number;
  disabled: number;
  extra_specs: string;
}

const fromRow = (r: FlavorRow): Flavor => ({
  ...r,
  is_public: r.is_public === 1,
  disabled: r.disabled === 1,
  extra_specs: JSON.parse(r.extra_specs) as Record<string, string>,
});

/** Who is asking: Nova hides private flavors the project has no access to from non-admins. */
export interface FlavorAccess {
  projectId: string;
  isAdmin: boolean;
}

const ACCESS_SQL = `(f.is_public = 1 OR EXISTS (SELECT 1 FROM flavor_projects fp WHERE fp.flavor_id = f.id AND fp.project_id = @projectId))`;

/**
 * A flavor by its id. Without `access` it is found whatever its visibility (the servers
 * area resolves flavors of existing servers that way); with it, a private flavor the
 * project cannot use is not found, as in Nova's flavor query for non-admins.
 */
export function getFlavor(db: Db, id: string, access?: FlavorAccess): Flavor | undefined {
  const restrict = access && !access.isAdmin ? ` AND ${ACCESS_SQL}` : '';
  const row = db
    .prepare(`SELECT f.* FROM flavors f WHERE f.id = @id${restrict}`)
    .get({ id, projectId: access?.projectId ?? '' }) as FlavorRow | undefined;
  return row && fromRow(row);
}

/** Nova's sort keys of the flavors API (VALID_SORT_KEYS) mapped to columns. */
export const FLAVOR_SORT_KEYS: Record<string, string> = {
  flavorid: 'f.id',
  id: 'f.rowid',
  name: 'f.name',
  memory_mb: 'f.ram',
  vcpus: 'f.vcpus',
  root_gb: 'f.disk',
  ephemeral_gb: 'f.ephemeral',
  swap: 'f.swap',
  rxtx_factor: 'f.rxtx_factor',
  is_public: 'f.is_public',
  disabled: 'f.disabled',
  created_at: 'f.created_at',
  updated_at: 'f.created_at',
  description: 'f.name',
  vcpu_weight: 'f.rowid',
};

export interface FlavorFilter {
  /** true: public (plus the project's private ones), false: private only, null: all. */
  isPublic: boolean | null;
  /** Non-admins never see disabled flavors in lists. */
  includeDisabled: boolean;
  minRam?: number;
  minDisk?: number;
  sortKey: string;
  sortDir: 'asc' | 'desc';
}

/** Flavors as nova.db's flavor_get_all filters and orders them. */
export function listFlavors(db: Db, access: FlavorAccess, f: FlavorFilter): Flavor[] {
  const where: string[] = [];
  if (f.isPublic === true) where.push(ACCESS_SQL);
  else if (f.isPublic === false) where.push('f.is_public = 0');
  if (!f.includeDisabled) where.push('f.disabled = 0');
  if (f.minRam !== undefined) where.push('f.ram >= @minRam');
  if (f.minDisk !== undefined) where.push('f.disk >= @minDisk');
  // The service has checked the key; an unknown one sorts by flavor id.
  const column = FLAVOR_SORT_KEYS[f.sortKey] ?? 'f.id';
  const dir = f.sortDir === 'desc' ? 'DESC' : 'ASC';
  // flavorid is the tie-breaker so pages stay stable under equal keys.
  const sql = `SELECT f.* FROM flavors f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY ${column} ${dir}, f.id ${dir}`;
  return (
    db.prepare(sql).all({ projectId: access.projectId, minRam: f.minRam ?? 0, minDisk: f.minDisk ?? 0 }) as FlavorRow[]
  ).map(fromRow);
}

export interface NewFlavor extends Omit<Flavor, 'swap' | 'ephemeral' | 'rxtx_factor' | 'disabled' | 'extra_specs'> {
  swap?: number;
  ephemeral?: number;
  rxtx_factor?: number;
  disabled?: boolean;
  extra_specs?: Record<string, string>;
  /** Projects that may use a private flavor. */
  projects?: string[];
}

export function createFlavor(db: Db, f: NewFlavor): Flavor {
  db.prepare(
    `INSERT INTO flavors (id, name, vcpus, ram, disk, swap, ephemeral, rxtx_factor, is_public, disabled, extra_specs, created_at)
     VALUES (@id, @name, @vcpus, @ram, @disk, @swap, @ephemeral, @rxtx_factor, @is_public, @disabled, @extra_specs, @created_at)`,
  ).run({
    id: f.id,
    name: f.name,
    vcpus: f.vcpus,
    ram: f.ram,
    disk: f.disk,
    swap: f.swap ?? 0,
    ephemeral: f.ephemeral ?? 0,
    rxtx_factor: f.rxtx_factor ?? 1,
    is_public: f.is_public ? 1 : 0,
    disabled: f.disabled ? 1 : 0,
    extra_specs: JSON.stringify(f.extra_specs ?? {}),
    created_at: isoNow(),
  });
  const grant = db.prepare('INSERT INTO flavor_projects (flavor_id, project_id) VALUES (?, ?)');
  for (const p of f.projects ?? []) grant.run(f.id, p);
  return getFlavor(db, f.id)!;
}
