/**
 * Decrypts the server password of spec 17.1 in the browser: the guest encrypted it with the
 * key pair's RSA public key, PKCS#1 v1.5 padding, base64. WebCrypto offers RSA-OAEP only, so
 * this is RSA by hand: parse the private key (PEM: PKCS#1, PKCS#8, or unencrypted OpenSSH),
 * then m = c^d mod n with the CRT, then strip the v1.5 padding. Pure; the key never leaves
 * the page.
 */

export type RsaKeyErrorCode = 'notPem' | 'encrypted' | 'notRsa' | 'malformed';

/** Why a private key or a ciphertext cannot be used; `code` picks the translated message. */
export class RsaKeyError extends Error {
  readonly code: RsaKeyErrorCode | 'badCiphertext' | 'wrongKey';
  constructor(code: RsaKeyError['code'], detail?: string) {
    super(detail ?? code);
    this.name = 'RsaKeyError';
    this.code = code;
  }
}

export interface RsaPrivateKey {
  n: bigint;
  e: bigint;
  d: bigint;
  /** CRT parameters; present in every real key, absent only when built by hand. */
  p?: bigint;
  q?: bigint;
  dp?: bigint;
  dq?: bigint;
  qinv?: bigint;
}

const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[\s\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new RsaKeyError('malformed', 'not base64');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

/** Big-endian, exactly `length` bytes (left-padded with zeros). */
function bigIntToBytes(value: bigint, length: number): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const raw = hex.length / 2;
  if (raw > length) throw new RsaKeyError('badCiphertext', 'value larger than the modulus');
  const out = new Uint8Array(length);
  for (let i = 0; i < raw; i++) out[length - raw + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** base^exp mod m, square-and-multiply. */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 1n) return 0n;
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    e >>= 1n;
    b = (b * b) % mod;
  }
  return result;
}

// --- DER (just what RSA keys use) -------------------------------------------------------

interface Tlv {
  tag: number;
  /** Content bytes. */
  value: Uint8Array;
  /** Offset just after this element. */
  end: number;
}

function readTlv(bytes: Uint8Array, offset: number): Tlv {
  if (offset + 2 > bytes.length) throw new RsaKeyError('malformed', 'truncated DER');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) throw new RsaKeyError('malformed', 'bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new RsaKeyError('malformed', 'truncated DER');
  return { tag, value: bytes.subarray(start, end), end };
}

/** The elements of a constructed value (SEQUENCE). */
function children(value: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    const tlv = readTlv(value, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag) throw new RsaKeyError('malformed', `expected ${what}`);
  return tlv;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;

function oidToString(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** RSAPrivateKey (RFC 8017 A.1.2): version, n, e, d, p, q, dp, dq, qinv. */
function parsePkcs1(der: Uint8Array): RsaPrivateKey {
  const outer = expectTag(readTlv(der, 0), SEQUENCE, 'RSAPrivateKey');
  const fields = children(outer.value);
  if (fields.length < 9) throw new RsaKeyError('malformed', 'RSAPrivateKey has too few fields');
  const ints = fields.slice(0, 9).map((f, i) => bytesToBigInt(expectTag(f, INTEGER, `integer ${i}`).value));
  const [, n, e, d, p, q, dp, dq, qinv] = ints;
  return { n, e, d, p, q, dp, dq, qinv };
}

/** PrivateKeyInfo (RFC 5208): version, AlgorithmIdentifier, OCTET STRING holding an RSAPrivateKey. */
function parsePkcs8(der: Uint8Array): RsaPrivateKey {
  const outer = expectTag(readTlv(der, 0), SEQUENCE, 'PrivateKeyInfo');
  const [version, algorithm, key] = children(outer.value);
  expectTag(version, INTEGER, 'version');
  const algorithmFields = children(expectTag(algorithm, SEQUENCE, 'AlgorithmIdentifier').value);
  const oid = oidToString(expectTag(algorithmFields[0], OID, 'algorithm OID').value);
  if (oid !== RSA_ENCRYPTION_OID) throw new RsaKeyError('notRsa', oid);
  return parsePkcs1(expectTag(key, OCTET_STRING, 'privateKey').value);
}

// --- OpenSSH (openssh-key-v1, unencrypted) ----------------------------------------------

const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** RFC 4251 wire format: uint32 and length-prefixed strings. */
function sshReader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > bytes.length) throw new RsaKeyError('malformed', 'truncated OpenSSH key');
  };
  return {
    skip(count: number) {
      need(count);
      offset += count;
    },
    uint32(): number {
      need(4);
      const value = view.getUint32(offset);
      offset += 4;
      return value;
    },
    string(): Uint8Array {
      const length = this.uint32();
      need(length);
      const value = bytes.subarray(offset, offset + length);
      offset += length;
      return value;
    },
  };
}

function parseOpenSsh(bytes: Uint8Array): RsaPrivateKey {
  const decoder = new TextDecoder();
  if (decoder.decode(bytes.subarray(0, OPENSSH_MAGIC.length)) !== OPENSSH_MAGIC) throw new RsaKeyError('malformed', 'not openssh-key-v1');
  const outer = sshReader(bytes);
  outer.skip(OPENSSH_MAGIC.length);
  const cipher = decoder.decode(outer.string());
  outer.string(); // kdf name
  outer.string(); // kdf options
  if (cipher !== 'none') throw new RsaKeyError('encrypted');
  if (outer.uint32() !== 1) throw new RsaKeyError('malformed', 'several keys in one file');
  outer.string(); // public key
  const secret = sshReader(outer.string());
  // two equal check integers open the private section
  if (secret.uint32() !== secret.uint32()) throw new RsaKeyError('encrypted');
  const type = decoder.decode(secret.string());
  if (type !== 'ssh-rsa') throw new RsaKeyError('notRsa', type);
  const [n, e, d, qinv, p, q] = Array.from({ length: 6 }, () => bytesToBigInt(secret.string()));
  return { n, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qinv };
}

// --- PEM -------------------------------------------------------------------------------

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** Reads an RSA private key from PEM text (PKCS#1, PKCS#8 or OpenSSH); throws RsaKeyError. */
export function parsePrivateKey(text: string): RsaPrivateKey {
  const block = PEM_BLOCK.exec(text);
  if (!block) throw new RsaKeyError('notPem');
  const [, label, body] = block;
  // RFC 1421 headers (Proc-Type: 4,ENCRYPTED; DEK-Info: ...) mean a passphrase-protected key
  if (/Proc-Type:\s*4,ENCRYPTED/i.test(body) || label === 'ENCRYPTED PRIVATE KEY') throw new RsaKeyError('encrypted');
  const base64 = body
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('');
  const der = base64ToBytes(base64);
  switch (label) {
    case 'RSA PRIVATE KEY':
      return parsePkcs1(der);
    case 'PRIVATE KEY':
      return parsePkcs8(der);
    case 'OPENSSH PRIVATE KEY':
      return parseOpenSsh(der);
    default:
      if (/PUBLIC KEY|CERTIFICATE/.test(label)) throw new RsaKeyError('notPem', label);
      throw new RsaKeyError('notRsa', label);
  }
}

function byteLength(n: bigint): number {
  return Math.ceil(n.toString(16).length / 2);
}

/** c^d mod n, with the Chinese remainder theorem when the key has its CRT parameters (4× faster). */
export function rsaDecryptRaw(key: RsaPrivateKey, c: bigint): bigint {
  if (c >= key.n) throw new RsaKeyError('badCiphertext', 'ciphertext larger than the modulus');
  const { p, q, dp, dq, qinv } = key;
  if (p && q && dp !== undefined && dq !== undefined && qinv !== undefined) {
    const m1 = modPow(c, dp, p);
    const m2 = modPow(c, dq, q);
    const h = (((m1 - m2) % p) + p) % p;
    return m2 + ((qinv * h) % p) * q;
  }
  return modPow(c, key.d, key.n);
}

/** EME-PKCS1-v1_5 decoding (RFC 8017 7.2.2): 0x00 0x02 PS(≥8 non-zero) 0x00 M. */
function unpadPkcs1v15(em: Uint8Array): Uint8Array {
  if (em.length < 11 || em[0] !== 0x00 || em[1] !== 0x02) throw new RsaKeyError('wrongKey');
  let separator = -1;
  for (let i = 2; i < em.length; i++) {
    if (em[i] === 0x00) {
      separator = i;
      break;
    }
  }
  if (separator < 10) throw new RsaKeyError('wrongKey');
  return em.subarray(separator + 1);
}

/**
 * Decrypts the base64 password of 17.1 with a PEM private key. Throws RsaKeyError:
 * `wrongKey` when the padding does not check out (almost always: another key pair's key).
 */
export function decryptServerPassword(encryptedBase64: string, privateKeyPem: string): string {
  const key = parsePrivateKey(privateKeyPem);
  const k = byteLength(key.n);
  let cipher: Uint8Array;
  try {
    cipher = base64ToBytes(encryptedBase64);
  } catch {
    throw new RsaKeyError('badCiphertext', 'not base64');
  }
  if (cipher.length !== k) throw new RsaKeyError(cipher.length > k ? 'wrongKey' : 'badCiphertext', 'length differs from the modulus');
  const c = bytesToBigInt(cipher);
  // a ciphertext at or above this key's modulus was made with another key
  if (c >= key.n) throw new RsaKeyError('wrongKey', 'ciphertext larger than the modulus');
  const m = rsaDecryptRaw(key, c);
  const message = unpadPkcs1v15(bigIntToBytes(m, k));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(message);
  } catch {
    throw new RsaKeyError('wrongKey');
  }
}
