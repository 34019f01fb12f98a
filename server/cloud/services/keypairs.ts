import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound, quotaExceeded } from '../errors.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { countKeypairs, deleteKeypairRow, getKeypair, insertKeypair, listKeypairs, type Keypair, type KeypairType } from '../repositories/keypairs.ts';
import { InvalidKey, generateSshKeyPair, generateX509KeyPair, sshFingerprint, x509Fingerprint, type GeneratedKey } from './ssh-keys.ts';

// Chapter 14: keypairs, owned by the user (not the project).

/**
 * Whose keypairs a request means: the caller's, or from 2.10 another user's when an admin
 * asks with user_id (Nova's policy refuses it to members with 403).
 */
export function targetUser(ctx: RequestContext, requested: string | undefined, action: string): string {
  if (requested === undefined || !ctx.mv.atLeast('2.10') || requested === ctx.userId) return ctx.userId;
  if (!ctx.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:os-keypairs:${action} to be performed.`);
  return requested;
}

export const keypairsOf = (db: Db, userId: string): Keypair[] => listKeypairs(db, userId);

export function showKeypair(db: Db, userId: string, name: string): Keypair {
  const k = getKeypair(db, userId, name);
  if (!k) throw notFound(`Keypair ${name} not found for user ${userId}`);
  return k;
}

const SAFE = /^[A-Za-z0-9_\- ]*$/;

/** Nova's KeypairAPI._validate_new_key_pair on the name: safe characters, 1–255 long. */
export function validateKeypairName(name: string): void {
  if (!SAFE.test(name)) throw badRequest('Keypair data is invalid: Keypair name contains unsafe characters');
  if (name.length < 1 || name.length > 255) {
    throw badRequest('Keypair data is invalid: Keypair name must be string and between 1 and 255 characters long');
  }
}

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
    const keypair = insertKeypair(db, { user_id: k.userId, name: k.name, type: k.type, public_key: publicKey, fingerprint });
    return privateKey === undefined ? { keypair } : { keypair, privateKey };
  })();
}

export function deleteKeypair(db: Db, userId: string, name: string): void {
  if (!deleteKeypairRow(db, userId, name)) throw notFound(`Keypair ${name} not found for user ${userId}`);
}
