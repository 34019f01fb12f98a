import type { Db } from '../db/database.ts';
import { microTime } from '../ids.ts';

export type KeypairType = 'ssh' | 'x509';

export interface Keypair {
  id: number;
  user_id: string;
  name: string;
  type: KeypairType;
  public_key: string;
  fingerprint: string;
  created_at: string;
}

/** Keypairs belong to the user, not the project (Nova's key_pairs table is keyed by user_id). */
export function getKeypair(db: Db, userId: string, name: string): Keypair | undefined {
  return db.prepare('SELECT * FROM keypairs WHERE user_id = ? AND name = ?').get(userId, name) as Keypair | undefined;
}

export function countKeypairs(db: Db, userId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM keypairs WHERE user_id = ?').get(userId) as { n: number }).n;
}

/** The user's keypairs ordered by name, as Nova's KeyPairList.get_by_user. */
export function listKeypairs(db: Db, userId: string): Keypair[] {
  return db.prepare('SELECT * FROM keypairs WHERE user_id = ? ORDER BY name').all(userId) as Keypair[];
}

export function insertKeypair(db: Db, k: Pick<Keypair, 'user_id' | 'name' | 'type' | 'public_key' | 'fingerprint'>): Keypair {
  const info = db
    .prepare('INSERT INTO keypairs (user_id, name, type, public_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(k.user_id, k.name, k.type, k.public_key, k.fingerprint, microTime());
  return db.prepare('SELECT * FROM keypairs WHERE id = ?').get(info.lastInsertRowid) as Keypair;
}

/** false when the user has no keypair of that name. */
export function deleteKeypairRow(db: Db, userId: string, name: string): boolean {
  return db.prepare('DELETE FROM keypairs WHERE user_id = ? AND name = ?').run(userId, name).changes > 0;
}
