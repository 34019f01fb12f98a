import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound, quotaExceeded } from '../errors.ts';
import { quotaLimit } from './quotas.ts';
import { InvalidKey, generateSshKeyPair, generateX509KeyPair, sshFingerprint, x509Fingerprint, type GeneratedKey } from './ssh-keys.ts';

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

const SAFE = /^[A-Za-z0-9_\- ]*$/;

/** Nova's KeypairAPI._validate_new_key_pair on the name: safe characters, 1–255 long. */
export function validateKeypairName(name: string): void {
  if (!SAFE.test(name)) throw badRequest('Keypair data is invalid: Keypair name contains unsafe characters');
  if (name.length < 1 || name.length > 255) {
    throw badRequest('Keypair data is invalid: Keypair name must be string and between 1 and 255 characters long');
  }
}

/** Nova's microsecond timestamps without a zone: 2014-05-07T12:06:13.681238. */
const novaDbTime = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');

export interface NewKeypair {
  userId: string;
  /** The project whose key_pairs quota applies (Nova counts keypairs per user against it). */
  projectId: string;
  name: string;
  type: KeypairType;
  /** Import this key; without it `generated` must hold a key pair made by generateKeyMaterial. */
  publicKey?: string;
  generated?: GeneratedKey;
}

/**
 * A new key pair as Nova makes it for `type` (async: RSA generation must not hold the
 * event loop, nor the database's write lock).
 */
export function generateKeyMaterial(type: KeypairType, userId: string, projectId: string): Promise<GeneratedKey> {
  return type === 'x509' ? generateX509KeyPair(userId, projectId) : generateSshKeyPair();
}

/**
 * Stores an imported or generated key pair after Nova's checks: name, key data (the
 * fingerprint is computed from it), key_pairs quota, then uniqueness per user.
 */
export function createKeypair(db: Db, k: NewKeypair): { keypair: Keypair; privateKey?: string } {
  validateKeypairName(k.name);
  let publicKey: string;
  let fingerprint: string;
  let privateKey: string | undefined;
  if (k.publicKey !== undefined) {
    publicKey = k.publicKey;
    try {
      fingerprint = k.type === 'x509' ? x509Fingerprint(publicKey) : sshFingerprint(publicKey);
    } catch (e) {
      if (!(e instanceof InvalidKey)) throw e;
      throw badRequest(
        k.type === 'x509'
          ? `Keypair data is invalid: failed to generate X509 fingerprint. Error message: ${e.message}`
          : 'Keypair data is invalid: failed to generate fingerprint',
      );
    }
  } else if (k.generated) {
    ({ publicKey, fingerprint, privateKey } = k.generated);
  } else {
    throw new Error('createKeypair needs a public key or generated key material');
  }
  return db.transaction(() => {
    const limit = quotaLimit(db, k.projectId, 'key_pairs', k.userId);
    if (limit >= 0 && countKeypairs(db, k.userId) + 1 > limit) throw quotaExceeded('Quota exceeded, too many key pairs.');
    if (getKeypair(db, k.userId, k.name)) throw conflict(`Key pair '${k.name}' already exists.`);
    const info = db
      .prepare('INSERT INTO keypairs (user_id, name, type, public_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(k.userId, k.name, k.type, publicKey, fingerprint, novaDbTime());
    const keypair = db.prepare('SELECT * FROM keypairs WHERE id = ?').get(info.lastInsertRowid) as Keypair;
    return privateKey === undefined ? { keypair } : { keypair, privateKey };
  })();
}

export function deleteKeypair(db: Db, userId: string, name: string): void {
  const res = db.prepare('DELETE FROM keypairs WHERE user_id = ? AND name = ?').run(userId, name);
  if (res.changes === 0) throw notFound(`Keypair ${name} not found for user ${userId}`);
}
