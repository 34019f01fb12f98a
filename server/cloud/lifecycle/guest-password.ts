import { X509Certificate, constants, createPublicKey, publicEncrypt, randomInt, type KeyObject } from 'node:crypto';

/**
 * The server password of section 17: what a guest posts to Nova's metadata service at first
 * boot (cloudbase-init on Windows): the admin password encrypted with the RSA public key of
 * the server's key pair, PKCS#1 v1.5, base64. The owner decrypts it with the private key
 * (`nova get-password`, or the console). Keys that cannot encrypt (ed25519, ECDSA) leave it ''.
 */
export function encryptPassword(publicKey: string | null | undefined, password: string): string {
  if (!publicKey || !password) return '';
  const key = rsaKeyOf(publicKey);
  if (!key) return '';
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password, 'utf8')).toString('base64');
}

function rsaKeyOf(text: string): KeyObject | undefined {
  try {
    if (text.includes('BEGIN CERTIFICATE')) {
      const key = new X509Certificate(text).publicKey;
      return key.asymmetricKeyType === 'rsa' ? key : undefined;
    }
    const [type, b64] = text.trim().split(/\s+/);
    if (type !== 'ssh-rsa' || !b64) return undefined;
    // RFC 4253 ssh-rsa blob: string "ssh-rsa", mpint e, mpint n.
    const blob = Buffer.from(b64, 'base64');
    let off = 0;
    const next = () => {
      const len = blob.readUInt32BE(off);
      const part = blob.subarray(off + 4, off + 4 + len);
      off += 4 + len;
      return part;
    };
    if (next().toString() !== 'ssh-rsa') return undefined;
    const unsigned = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b);
    const e = unsigned(next());
    const n = unsigned(next());
    return createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

// Nova's utils.generate_password: 12 characters without look-alikes (0/O, 1/l/I).
const SYMBOLS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export function generatePassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SYMBOLS[randomInt(SYMBOLS.length)];
  return out;
}
