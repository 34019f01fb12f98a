import type { Db } from '../db/database.ts';

export interface ZoneHost {
  host: string;
  /** Nova's services on the host: { 'nova-compute': { available, active, updated_at } } */
  services: Record<string, { available: boolean; active: boolean; updated_at: string | null }>;
}

export interface AvailabilityZone {
  zoneName: string;
  available: boolean;
  hosts: ZoneHost[];
}

interface ZoneRow {
  name: string;
  available: number;
  hosts: string;
}

const fromRow = (r: ZoneRow): AvailabilityZone => ({
  zoneName: r.name,
  available: r.available === 1,
  hosts: JSON.parse(r.hosts) as ZoneHost[],
});

export function listAvailabilityZones(db: Db): AvailabilityZone[] {
  return (db.prepare('SELECT * FROM availability_zones ORDER BY position').all() as ZoneRow[]).map(fromRow);
}

export function zoneExists(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM availability_zones WHERE name = ?').get(name) !== undefined;
}

/** The zone new resources land in when a request names none. */
export function defaultZone(db: Db): string {
  return (db.prepare('SELECT name FROM availability_zones WHERE available = 1 ORDER BY position LIMIT 1').get() as
    | { name: string }
    | undefined)?.name ?? 'nova';
}

export function createAvailabilityZone(db: Db, name: string, hosts: ZoneHost[], available = true): void {
  db.prepare(
    `INSERT INTO availability_zones (name, available, hosts, position)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM availability_zones))`,
  ).run(name, available ? 1 : 0, JSON.stringify(hosts));
}
