import { describe, expect, it } from 'vitest';
import { publicKeyProblem, suggestedKeypairName } from './validation';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f alice@example.com';

describe('public key', () => {
  it('accepts an OpenSSH line whose blob names its type, with or without a comment', () => {
    expect(publicKeyProblem(ED25519)).toBeNull();
    expect(publicKeyProblem(`${ED25519.split(' ').slice(0, 2).join(' ')}\n`)).toBeNull();
  });
  it('refuses a key whose blob names another type', () => {
    expect(publicKeyProblem(ED25519.replace('ssh-ed25519', 'ssh-rsa'))).toBe('keypairs.validation.typeMismatch');
  });
  it('refuses what is not a public key', () => {
    expect(publicKeyProblem('')).toBe('keypairs.validation.keyRequired');
    expect(publicKeyProblem('hello world')).toBe('keypairs.validation.unknownType');
    expect(publicKeyProblem('ssh-rsa not*base64')).toBe('keypairs.validation.badBase64');
    expect(publicKeyProblem('ssh-rsa')).toBe('keypairs.validation.badBase64');
    expect(publicKeyProblem(`${ED25519}\n${ED25519}`)).toBe('keypairs.validation.oneLine');
  });
  it('warns when a private key is pasted', () => {
    expect(publicKeyProblem('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----')).toBe(
      'keypairs.validation.privateKey',
    );
  });
  it('takes an X.509 certificate only where the endpoint supports it', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(publicKeyProblem(pem)).toBe('keypairs.validation.x509NotSupported');
    expect(publicKeyProblem(pem, { allowX509: true })).toBeNull();
  });
});

describe('suggested name', () => {
  it('comes from the key comment, else from the file name', () => {
    expect(suggestedKeypairName(ED25519)).toBe('alice-example-com');
    expect(suggestedKeypairName(ED25519.split(' ').slice(0, 2).join(' '), 'id_ed25519.pub')).toBe('id_ed25519');
  });
});
