import type { Db } from '../db/database.ts';

export interface Network {
  id: string;
  project_id: string;
  label: string;
  subnet_id: string;
  cidr: string;
  gateway: string;
  dns1: string | null;
  dns2: string | null;
  mtu: number;
  created_at: string;
  updated_at: string;
}

/** The project's networks in creation order. */
export function listNetworks(db: Db, projectId: string): Network[] {
  return db.prepare('SELECT * FROM networks WHERE project_id = ? ORDER BY created_at, rowid').all(projectId) as Network[];
}

export function getNetwork(db: Db, projectId: string, id: string): Network | undefined {
  return db.prepare('SELECT * FROM networks WHERE project_id = ? AND id = ?').get(projectId, id) as Network | undefined;
}

export function insertNetwork(db: Db, n: Network): void {
  db.prepare(
    `INSERT INTO networks (id, project_id, label, subnet_id, cidr, gateway, dns1, dns2, mtu, created_at, updated_at)
     VALUES (@id, @project_id, @label, @subnet_id, @cidr, @gateway, @dns1, @dns2, @mtu, @created_at, @updated_at)`,
  ).run(n);
}
