import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQuota } from '../../repositories/quotas.ts';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined && (e as { code?: string }).code !== 'ENOENT';
  }
})();
const dir = mkdtempSync(join(tmpdir(), 'keypairs-'));
/** What `ssh-keygen -l -E md5` says of a public key: the reference for Nova's fingerprints. */
function sshKeygenMd5(publicKey: string): string {
  const file = join(dir, `k${Math.random()}.pub`);
  writeFileSync(file, publicKey);
  return /MD5:([0-9a-f:]+)/.exec(execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', file]).toString())![1];
}
/** The MD5 of the base64 blob, computed independently of the cloud's code. */
const md5OfBlob = (publicKey: string) =>
  createHash('md5').update(Buffer.from(publicKey.split(' ')[1], 'base64')).digest('hex').match(/../g)!.join(':');

/** OpenSSH public keys of fresh ed25519 and ECDSA keys, made with ssh-keygen's own format via node's JWK. */
function opensshPublicKey(kind: 'ed25519' | 'p256'): string {
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, (b.length >> 8) & 255, b.length & 255]), b]);
  if (kind === 'ed25519') {
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    return `ssh-ed25519 ${Buffer.concat([str(Buffer.from('ssh-ed25519')), str(Buffer.from(jwk.x!, 'base64url'))]).toString('base64')} me@host`;
  }
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  const blob = Buffer.concat([str(Buffer.from('ecdsa-sha2-nistp256')), str(Buffer.from('nistp256')), str(point)]);
  return `ecdsa-sha2-nistp256 ${blob.toString('base64')} me@host`;
}

describe('keypairs (chapter 14)', () => {
  it('[14.3] generates a real RSA key pair at the base version (200, private key once)', async () => {
    const res = await alice.call('POST', 'os-keypairs', { keypair: { name: 'gen-21' } });
    expectContract(res, 'keypairs.create_keypair');
    const k = res.json().keypair;
    expect(k.user_id).toBe(alice.userId);
    expect(k.private_key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(k.public_key).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ Generated-by-Nova\n$/);
    const priv = createPrivateKey(k.private_key);
    expect(priv.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(k.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(k.fingerprint).toBe(md5OfBlob(k.public_key));
    // The private key is never shown again.
    const shown = await alice.call('GET', 'os-keypairs/gen-21');
    expect(shown.json().keypair.private_key).toBeUndefined();
    expect(shown.json().keypair.public_key).toBe(k.public_key);
  });

  it.skipIf(!hasSshKeygen)('[14.3] makes keys ssh-keygen agrees with (fingerprint, public from private)', async () => {
    const k = (await alice.call('POST', 'os-keypairs', { keypair: { name: 'gen-check' } }, { version: '2.2' })).json().keypair;
    expect(sshKeygenMd5(k.public_key)).toBe(k.fingerprint);
    const file = join(dir, 'id_rsa');
    writeFileSync(file, k.private_key, { mode: 0o600 });
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file]).toString().trim().split(' ').slice(0, 2).join(' ');
    expect(derived).toBe(k.public_key.split(' ').slice(0, 2).join(' '));
  });

  it('[14.3] answers 201 with the type from 2.2', async () => {
    const res = await alice.call('POST', 'os-keypairs', { keypair: { name: 'gen-22', type: 'ssh' } }, { version: '2.2' });
    expectContract(res, 'keypairs.create_keypair', '2.2');
    expect(res.json().keypair.type).toBe('ssh');
  });

  it('[14.3] imports RSA, ed25519 and ECDSA public keys with their real fingerprints', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const rsaJwk = rsa.export({ format: 'jwk' });
    const str = (b: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    };
    const mpint = (b: Buffer) => str(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
    const rsaKey = `ssh-rsa ${Buffer.concat([str(Buffer.from('ssh-rsa')), mpint(Buffer.from(rsaJwk.e!, 'base64url')), mpint(Buffer.from(rsaJwk.n!, 'base64url'))]).toString('base64')} laptop`;
    for (const [name, key] of [
      ['imp-rsa', rsaKey],
      ['imp-ed25519', opensshPublicKey('ed25519')],
      ['imp-ecdsa', opensshPublicKey('p256')],
    ]) {
      const res = await alice.call('POST', 'os-keypairs', { keypair: { name, public_key: key } }, { version: '2.2' });
      expectContract(res, 'keypairs.create_keypair', '2.2');
      const k = res.json().keypair;
      expect(k.private_key).toBeUndefined();
      expect(k.public_key).toBe(key);
      expect(k.fingerprint).toBe(md5OfBlob(key));
      if (hasSshKeygen) expect(k.fingerprint).toBe(sshKeygenMd5(key));
    }
  });

  it('[14.3] generates and imports x509 certificates from 2.2', async () => {
    const res = await alice.call('POST', 'os-keypairs', { keypair: { name: 'cert', type: 'x509' } }, { version: '2.2' });
    expectContract(res, 'keypairs.create_keypair', '2.2');
    const k = res.json().keypair;
    const cert = new X509Certificate(k.public_key);
    expect(cert.subject).toContain(`CN=${alice.userId}`);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(k.private_key))).toBe(true);
    expect(k.fingerprint).toBe(cert.fingerprint.toLowerCase());
    const imported = await bob.call('POST', 'os-keypairs', { keypair: { name: 'cert', type: 'x509', public_key: k.public_key } }, { version: '2.2' });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().keypair.fingerprint).toBe(k.fingerprint);
    const wrong = await bob.call('POST', 'os-keypairs', { keypair: { name: 'c2', type: 'x509', public_key: 'ssh-rsa AAAA' } }, { version: '2.2' });
    expect(wrong.statusCode).toBe(400);
  });

  it.each([
    ['garbage', 'not a key at all'],
    ['bad base64 data', 'ssh-rsa AAAA***'],
    ['a type that does not match its blob', `ssh-rsa ${opensshPublicKey('ed25519').split(' ')[1]}`],
    ['a DSA key', 'ssh-dss AAAAB3NzaC1kc3MAAACBAP'],
    ['an EC point off the curve', `ecdsa-sha2-nistp256 ${Buffer.concat([Buffer.from([0, 0, 0, 19]), Buffer.from('ecdsa-sha2-nistp256'), Buffer.from([0, 0, 0, 8]), Buffer.from('nistp256'), Buffer.from([0, 0, 0, 65, 4]), Buffer.alloc(64, 1)]).toString('base64')}`],
  ])('[14.3] refuses to import %s (400, nothing stored)', async (_case, key) => {
    const res = await alice.call('POST', 'os-keypairs', { keypair: { name: 'bad-import', public_key: key } });
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe('Keypair data is invalid: failed to generate fingerprint');
    expect((await alice.call('GET', 'os-keypairs/bad-import')).statusCode).toBe(404);
  });

  it.each([
    ['unsafe characters', { keypair: { name: 'bad/name' } }, 'Keypair data is invalid: Keypair name contains unsafe characters'],
    // Nova prints the value with str(): nothing between "Value:" and the period (Nova Zed answers so).
    ['an empty name', { keypair: { name: '' } }, "Invalid input for field/attribute name. Value: . '' is too short"],
    ['a name over 255 characters', { keypair: { name: 'k'.repeat(256) } }, undefined],
    ['a leading space', { keypair: { name: ' key' } }, undefined],
    ['a missing name', { keypair: {} }, "Invalid input for field/attribute keypair. Value: {}. 'name' is a required property"],
    ['a non-string name', { keypair: { name: 42 } }, "Invalid input for field/attribute name. Value: 42. 42 is not of type 'string'"],
    ['an unknown field', { keypair: { name: 'x', colour: 'red' } }, "Invalid input for field/attribute keypair. Value: {'name': 'x', 'colour': 'red'}. Additional properties are not allowed ('colour' was unexpected)"],
    ['type before 2.2', { keypair: { name: 'x', type: 'ssh' } }, undefined],
    ['no keypair at all', { name: 'x' }, undefined],
  ])('[14.3] refuses %s with 400', async (_case, body, message) => {
    const res = await alice.call('POST', 'os-keypairs', body);
    expect(res.statusCode).toBe(400);
    if (message) expect(res.json().badRequest.message).toBe(message);
  });

  it('[14.3] refuses an unknown type at 2.2 and user_id before 2.10', async () => {
    expect((await alice.call('POST', 'os-keypairs', { keypair: { name: 'x', type: 'pgp' } }, { version: '2.2' })).statusCode).toBe(400);
    expect((await alice.call('POST', 'os-keypairs', { keypair: { name: 'x', user_id: alice.userId } }, { version: '2.9' })).statusCode).toBe(400);
  });

  it('[14.3] refuses a duplicate name with 409 but lets another user take it', async () => {
    expect((await bob.call('POST', 'os-keypairs', { keypair: { name: 'dup' } })).statusCode).toBe(200);
    const again = await bob.call('POST', 'os-keypairs', { keypair: { name: 'dup' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().conflictingRequest.message).toBe("Key pair 'dup' already exists.");
    expect((await alice.call('POST', 'os-keypairs', { keypair: { name: 'dup' } })).statusCode).toBe(200);
  });

  it('[14.3] enforces the key_pairs quota with 403', async () => {
    const projectAdmin = admin;
    setQuota(app.db, projectAdmin.projectId, 'key_pairs', 1);
    expect((await projectAdmin.call('POST', 'os-keypairs', { keypair: { name: 'one' } })).statusCode).toBe(200);
    const over = await projectAdmin.call('POST', 'os-keypairs', { keypair: { name: 'two' } });
    expect(over.statusCode).toBe(403);
    expect(over.json().forbidden.message).toBe('Quota exceeded, too many key pairs.');
    setQuota(app.db, projectAdmin.projectId, 'key_pairs', 100);
  });

  it('[14.1] lists only the user\'s keypairs, with type from 2.2', async () => {
    const base = await alice.call('GET', 'os-keypairs');
    expectContract(base, 'keypairs.list_keypairs');
    const names = base.json().keypairs.map((k: { keypair: { name: string } }) => k.keypair.name);
    expect(names).toContain('alice-laptop');
    expect(names).toEqual([...names].sort());
    const v22 = await alice.call('GET', 'os-keypairs', undefined, { version: '2.2' });
    expectContract(v22, 'keypairs.list_keypairs', '2.2');
    const bobs = (await bob.call('GET', 'os-keypairs', undefined, { legacy: true })).json().keypairs.map((k: { keypair: { name: string } }) => k.keypair.name);
    expect(bobs).toContain('bob-laptop');
    expect(bobs).not.toContain('alice-laptop');
  });

  it('[14.1] lets an admin read another user\'s keypairs with user_id from 2.10, and refuses members', async () => {
    const res = await admin.call('GET', `os-keypairs?user_id=${alice.userId}`, undefined, { version: '2.10' });
    expect(res.json().keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).toContain('alice-laptop');
    const member = await bob.call('GET', `os-keypairs?user_id=${alice.userId}`, undefined, { version: '2.10' });
    expect(member.statusCode).toBe(403);
    // Before 2.10 the parameter means nothing.
    const old = await bob.call('GET', `os-keypairs?user_id=${alice.userId}`);
    expect(old.json().keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).not.toContain('alice-laptop');
  });

  it('[14.2] shows a keypair with its database fields, type from 2.2', async () => {
    const base = await alice.call('GET', 'os-keypairs/alice-laptop');
    expectContract(base, 'keypairs.get_keypair');
    expect(base.json().keypair).toMatchObject({ name: 'alice-laptop', user_id: alice.userId, deleted: false, deleted_at: null });
    const v22 = await alice.call('GET', 'os-keypairs/alice-laptop', undefined, { version: '2.2' });
    expectContract(v22, 'keypairs.get_keypair', '2.2');
    expect(v22.json().keypair.type).toBe('ssh');
  });

  it('[14.2] answers 404 for another user\'s keypair and an unknown name', async () => {
    const res = await bob.call('GET', 'os-keypairs/alice-laptop');
    expect(res.statusCode).toBe(404);
    expect(res.json().itemNotFound.message).toBe(`Keypair alice-laptop not found for user ${bob.userId}`);
  });

  it('[14.4] deletes a keypair: 202 at the base version, 204 from 2.2, 404 after', async () => {
    await alice.call('POST', 'os-keypairs', { keypair: { name: 'del-a' } });
    await alice.call('POST', 'os-keypairs', { keypair: { name: 'del-b' } });
    const base = await alice.call('DELETE', 'os-keypairs/del-a');
    expectContract(base, 'keypairs.delete_keypair');
    const v22 = await alice.call('DELETE', 'os-keypairs/del-b', undefined, { version: '2.2' });
    expectContract(v22, 'keypairs.delete_keypair', '2.2');
    expect((await alice.call('DELETE', 'os-keypairs/del-a')).statusCode).toBe(404);
    expect((await bob.call('DELETE', 'os-keypairs/alice-laptop')).statusCode).toBe(404);
    expect((await alice.call('GET', 'os-keypairs/alice-laptop')).statusCode).toBe(200);
  });
});
