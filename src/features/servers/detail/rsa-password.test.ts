import { constants, generateKeyPairSync, publicEncrypt, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RsaKeyError, decryptServerPassword, modPow, parsePrivateKey, rsaDecryptRaw } from './rsa-password';

// One 2048-bit key for the whole file: generating keys is slow on a shared machine.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What a guest posts (spec 17.1): PKCS#1 v1.5, base64. */
function encrypt(key: KeyObject, password: string): string {
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password, 'utf8')).toString('base64');
}

/** The openssh-key-v1 file `ssh-keygen` writes by default, built from the key's JWK. */
function openSshPem(key: KeyObject, cipher = 'none'): string {
  const jwk = key.export({ format: 'jwk' });
  const mpint = (b64url: string) => {
    const raw = Buffer.from(b64url, 'base64url');
    return raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw;
  };
  const string = (value: Buffer | string) => {
    const data = typeof value === 'string' ? Buffer.from(value) : value;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, data]);
  };
  const uint32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const publicBlob = Buffer.concat([string('ssh-rsa'), string(mpint(jwk.e!)), string(mpint(jwk.n!))]);
  let secret = Buffer.concat([
    uint32(0x12345678),
    uint32(0x12345678),
    string('ssh-rsa'),
    ...[jwk.n!, jwk.e!, jwk.d!, jwk.qi!, jwk.p!, jwk.q!].map((v) => string(mpint(v))),
    string('comment'),
  ]);
  const pad = (8 - (secret.length % 8)) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    string(cipher),
    string(cipher === 'none' ? 'none' : 'bcrypt'),
    string(''),
    uint32(1),
    string(publicBlob),
    string(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g)!.join('\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof RsaKeyError ? error.code : `other: ${String(error)}`;
  }
  return undefined;
}

describe('server password decryption (spec 17.1)', () => {
  it('decrypts with a PKCS#1 key (BEGIN RSA PRIVATE KEY)', () => {
    expect(decryptServerPassword(encrypt(publicKey, 'Tr0ub4dor&3'), pkcs1)).toBe('Tr0ub4dor&3');
  });

  it('decrypts with a PKCS#8 key (BEGIN PRIVATE KEY), CRLF line ends and text around the block', () => {
    const pasted = `my key:\r\n${pkcs8.replace(/\n/g, '\r\n')}\r\nthanks`;
    expect(decryptServerPassword(encrypt(publicKey, 'pässwörd-密码'), pasted)).toBe('pässwörd-密码');
  });

  it('decrypts with an unencrypted OpenSSH key (BEGIN OPENSSH PRIVATE KEY)', () => {
    expect(decryptServerPassword(encrypt(publicKey, 'x8Kp2mQzR4tW'), openSshPem(privateKey))).toBe('x8Kp2mQzR4tW');
  });

  it('decrypts the password the cloud posts, with its line breaks', () => {
    const wrapped = encrypt(publicKey, 'abc').match(/.{1,64}/g)!.join('\n');
    expect(decryptServerPassword(wrapped, pkcs1)).toBe('abc');
  });

  it('says "wrong key" for another key pair\'s private key, whatever the ciphertext', () => {
    const otherPem = other.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    // random ciphertexts land both below and above the other key's modulus
    for (let i = 0; i < 20; i++) {
      expect(errorCode(() => decryptServerPassword(encrypt(publicKey, `secret-${i}`), otherPem))).toBe('wrongKey');
    }
    // one at or above the modulus, every time
    const modulus = Buffer.from(other.privateKey.export({ format: 'jwk' }).n!, 'base64url');
    expect(errorCode(() => decryptServerPassword(modulus.toString('base64'), otherPem))).toBe('wrongKey');
  });

  it('refuses what is not a usable private key', () => {
    expect(errorCode(() => parsePrivateKey('ssh-rsa AAAAB3NzaC1yc2E user@host'))).toBe('notPem');
    expect(errorCode(() => parsePrivateKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()))).toBe('notPem');
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    expect(errorCode(() => parsePrivateKey(encrypted))).toBe('encrypted');
    const legacyEncrypted = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    expect(errorCode(() => parsePrivateKey(legacyEncrypted))).toBe('encrypted');
    expect(errorCode(() => parsePrivateKey(openSshPem(privateKey, 'aes256-ctr')))).toBe('encrypted');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(errorCode(() => parsePrivateKey(ec))).toBe('notRsa');
    expect(errorCode(() => parsePrivateKey('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----'))).toBe('malformed');
  });

  it('refuses a ciphertext that is not base64 or not one RSA block', () => {
    expect(errorCode(() => decryptServerPassword('not base64!', pkcs1))).toBe('badCiphertext');
    expect(errorCode(() => decryptServerPassword('AAAA', pkcs1))).toBe('badCiphertext');
  });

  it('parses the key numbers exactly, and CRT decryption equals plain c^d mod n', () => {
    const jwk = privateKey.export({ format: 'jwk' });
    const big = (v: string) => BigInt(`0x${Buffer.from(v, 'base64url').toString('hex')}`);
    const key = parsePrivateKey(pkcs8);
    expect(key.n).toBe(big(jwk.n!));
    expect(key.d).toBe(big(jwk.d!));
    expect(key.e).toBe(65537n);
    const c = 123456789n;
    expect(rsaDecryptRaw(key, c)).toBe(modPow(c, key.d, key.n));
    expect(rsaDecryptRaw({ n: key.n, e: key.e, d: key.d }, c)).toBe(modPow(c, key.d, key.n));
  });

  it('modPow agrees with small known values', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 0n, 7n)).toBe(1n);
    expect(modPow(5n, 3n, 1n)).toBe(0n);
  });
});
