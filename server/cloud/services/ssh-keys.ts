import { X509Certificate, createHash, createPublicKey, generateKeyPair, generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);
/** RSA 2048 off the event loop: generation takes tens to hundreds of ms. */
const rsa2048 = (): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> => generateKeyPairAsync('rsa', { modulusLength: 2048 });

/** Thrown for a key that does not parse; the caller turns it into Nova's InvalidKeypair. */
export class InvalidKey extends Error {}

const colonHex = (hex: string) => hex.match(/../g)!.join(':');

/** What `ssh-keygen -l -E md5` prints (without the MD5: prefix): MD5 of the key blob. */
const md5Fingerprint = (blob: Buffer): string => colonHex(createHash('md5').update(blob).digest('hex'));

// ---- OpenSSH wire format (RFC 4253 §6.6): length-prefixed strings and mpints ----

const sshString = (b: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
};

/** An unsigned big-endian integer as an mpint: a leading zero when the high bit is set. */
const sshMpint = (b: Buffer): Buffer => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  return sshString(v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
};

class Reader {
  private off = 0;
  constructor(private readonly buf: Buffer) {}
  string(): Buffer {
    if (this.off + 4 > this.buf.length) throw new InvalidKey('truncated key');
    const len = this.buf.readUInt32BE(this.off);
    const start = this.off + 4;
    if (start + len > this.buf.length) throw new InvalidKey('truncated key');
    this.off = start + len;
    return this.buf.subarray(start, start + len);
  }
  done(): boolean {
    return this.off === this.buf.length;
  }
}

const b64url = (b: Buffer) => b.toString('base64url');
/** An mpint as the JWK wants it: no sign byte. */
const unsigned = (b: Buffer) => (b.length > 1 && b[0] === 0 ? b.subarray(1) : b);

const CURVES: Record<string, { crv: string; bytes: number }> = {
  nistp256: { crv: 'P-256', bytes: 32 },
  nistp384: { crv: 'P-384', bytes: 48 },
  nistp521: { crv: 'P-521', bytes: 66 },
};

/**
 * The JWK of an OpenSSH public key blob, so node:crypto can check it is a real key (an
 * EC point on its curve, an RSA modulus of sane size), as cryptography's
 * load_ssh_public_key does for Nova.
 */
function jwkOfBlob(type: string, blob: Buffer): JsonWebKey {
  const r = new Reader(blob);
  if (r.string().toString('latin1') !== type) throw new InvalidKey('key type does not match its data');
  let jwk: JsonWebKey;
  if (type === 'ssh-rsa') {
    const e = unsigned(r.string());
    const n = unsigned(r.string());
    if (n.length * 8 < 1024 - 8) throw new InvalidKey('RSA key too short');
    jwk = { kty: 'RSA', e: b64url(e), n: b64url(n) };
  } else if (type === 'ssh-ed25519') {
    const x = r.string();
    if (x.length !== 32) throw new InvalidKey('bad ed25519 key');
    jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(x) };
  } else if (type.startsWith('ecdsa-sha2-')) {
    const curve = CURVES[type.slice('ecdsa-sha2-'.length)];
    const name = r.string().toString('latin1');
    if (!curve || name !== type.slice('ecdsa-sha2-'.length)) throw new InvalidKey('bad curve');
    const q = r.string();
    if (q.length !== 1 + 2 * curve.bytes || q[0] !== 4) throw new InvalidKey('bad EC point');
    jwk = {
      kty: 'EC',
      crv: curve.crv,
      x: b64url(q.subarray(1, 1 + curve.bytes)),
      y: b64url(q.subarray(1 + curve.bytes)),
    };
  } else {
    throw new InvalidKey(`unsupported key type ${type}`);
  }
  if (!r.done()) throw new InvalidKey('trailing data');
  return jwk;
}

/** Parses `type base64 [comment]` and returns the MD5 fingerprint of its blob. */
export function sshFingerprint(publicKey: string): string {
  const [type, data] = publicKey.trim().split(/\s+/);
  if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new InvalidKey('not an OpenSSH public key');
  const blob = Buffer.from(data, 'base64');
  try {
    createPublicKey({ key: jwkOfBlob(type, blob), format: 'jwk' });
  } catch (e) {
    throw e instanceof InvalidKey ? e : new InvalidKey('not a valid public key');
  }
  return md5Fingerprint(blob);
}

/** Nova's generate_x509_fingerprint: SHA-1 of the certificate's DER, colon hex. */
export function x509Fingerprint(pem: string): string {
  try {
    const cert = new X509Certificate(pem);
    return colonHex(createHash('sha1').update(cert.raw).digest('hex'));
  } catch {
    throw new InvalidKey('not a PEM certificate');
  }
}

export interface GeneratedKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

/** An RSA 2048 key pair as Nova makes it: PKCS#1 PEM private key, OpenSSH public key. */
export async function generateSshKeyPair(): Promise<GeneratedKey> {
  const { privateKey, publicKey } = await rsa2048();
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    sshMpint(Buffer.from(jwk.e!, 'base64url')),
    sshMpint(Buffer.from(jwk.n!, 'base64url')),
  ]);
  return {
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: `ssh-rsa ${blob.toString('base64')} Generated-by-Nova\n`,
    fingerprint: md5Fingerprint(blob),
  };
}

// ---- A self-signed X.509 certificate in DER, for the 2.2 `x509` keypair type ----

const der = (tag: number, body: Buffer): Buffer => {
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else if (n < 0x100) len = Buffer.from([0x81, n]);
  else if (n < 0x10000) len = Buffer.from([0x82, n >> 8, n & 0xff]);
  else len = Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const oid = (text: string): Buffer => {
  const [a, b, ...rest] = text.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const utcTime = (d: Date) => der(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));
const rdn = (type: string, value: string) => der(0x31, seq(oid(type), der(0x0c, Buffer.from(value))));

/**
 * Nova's generate_x509_cert: an RSA key and a self-signed certificate naming the user,
 * valid ten years. Returned as PEM; the fingerprint is the certificate's SHA-1.
 */
export async function generateX509KeyPair(userId: string, projectId: string): Promise<GeneratedKey> {
  const { privateKey, publicKey } = await rsa2048();
  const algorithm = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const name = seq(rdn('2.5.4.10', 'OpenStack'), rdn('2.5.4.11', 'NovaDev'), rdn('2.5.4.3', `${userId}-${projectId}`));
  const now = new Date();
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    algorithm,
    name,
    seq(utcTime(now), utcTime(new Date(now.getTime() + 3650 * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const pem = `-----BEGIN CERTIFICATE-----\n${cert.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return {
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: pem,
    fingerprint: x509Fingerprint(pem),
  };
}

/** A fresh ed25519 public key in OpenSSH format (for demo data: fast, and a real key). */
export function generateEd25519PublicKey(comment: string): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const x = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(x)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}
