/**
 * Checks of the key pair forms, before anything is sent. Each returns the i18n key of the
 * problem (under `keypairs.validation.`) or null. The name's rule (spec 14.3) is
 * lib/validation's keypairNameProblem, shared with the create-server wizard.
 */

const SSH_KEY_TYPES = [
  'ssh-rsa',
  'ssh-dss',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

function decodeBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * An OpenSSH public key line (`type base64 [comment]`) whose blob decodes and names the same
 * type, or (with `allowX509`) a PEM certificate.
 */
export function publicKeyProblem(raw: string, { allowX509 = false }: { allowX509?: boolean } = {}): string | null {
  const key = raw.trim();
  if (!key) return 'keypairs.validation.keyRequired';
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return 'keypairs.validation.privateKey';
  if (key.startsWith('-----BEGIN CERTIFICATE-----')) {
    if (!allowX509) return 'keypairs.validation.x509NotSupported';
    return /-----END CERTIFICATE-----$/.test(key) ? null : 'keypairs.validation.badCertificate';
  }
  if (key.includes('\n')) return 'keypairs.validation.oneLine';
  const [type, blob] = key.split(/\s+/);
  if (!(SSH_KEY_TYPES as readonly string[]).includes(type)) return 'keypairs.validation.unknownType';
  if (!blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return 'keypairs.validation.badBase64';
  const bytes = decodeBase64(blob);
  if (!bytes || bytes.length < 4) return 'keypairs.validation.badBase64';
  const length = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const embedded = new TextDecoder().decode(bytes.slice(4, 4 + length));
  if (length > bytes.length - 4 || embedded !== type) return 'keypairs.validation.typeMismatch';
  return null;
}

/** The comment of an OpenSSH key (`user@host`), to suggest a name when a key file is loaded. */
export function suggestedKeypairName(publicKey: string, fileName?: string): string {
  const comment = publicKey.trim().split(/\s+/)[2] ?? '';
  const base = (comment || (fileName ?? '').replace(/\.pub$/i, '')).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return base.slice(0, 255);
}
