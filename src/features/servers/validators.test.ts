import { describe, expect, it } from 'vitest';
import {
  encodeBase64,
  USER_DATA_MAX_ENCODED,
  validateFixedIp,
  validateKeypairName,
  validateMetadata,
  validatePersonality,
  validateServerName,
  validateTag,
  validateTags,
  validateUserData,
  validateUserDataBase64,
  validateVolumeSize,
} from './validators';

const key = (problem: { key: string } | null) => problem?.key ?? null;

describe('server name (spec 4.2: more than 0 and less than 256 bytes)', () => {
  it('accepts a plain name and refuses empty, blank, padded and control characters', () => {
    expect(validateServerName('web-01')).toBeNull();
    expect(key(validateServerName(''))).toBe('required');
    expect(key(validateServerName('   '))).toBe('blank');
    expect(key(validateServerName(' web'))).toBe('nameSpaces');
    expect(key(validateServerName('web\u0007'))).toBe('printable');
  });

  it('counts bytes, not characters', () => {
    expect(validateServerName('a'.repeat(255))).toBeNull();
    expect(key(validateServerName('a'.repeat(256)))).toBe('tooManyBytes');
    // 86 × 3 bytes = 258 bytes in 86 characters
    expect(validateServerName('服'.repeat(86))).toEqual({ key: 'tooManyBytes', values: { max: 255, actual: 258 } });
    expect(validateServerName('服'.repeat(85))).toBeNull();
  });
});

describe('user data (spec 4.2: base64, at most 65,535 characters)', () => {
  it('encodes UTF-8 to base64', () => {
    expect(encodeBase64('#!/bin/sh\necho hi\n')).toBe(Buffer.from('#!/bin/sh\necho hi\n').toString('base64'));
    expect(encodeBase64('你好')).toBe(Buffer.from('你好').toString('base64'));
  });

  it('measures the encoded size against the limit', () => {
    // 49,150 bytes encode to 4 × 16,384 = 65,536 characters: one too many
    const tooBig = 'x'.repeat(49_150);
    expect(encodeBase64(tooBig).length).toBe(65_536);
    expect(key(validateUserData(tooBig))).toBe('userDataTooLarge');
    // 49,149 bytes encode to 65,532 characters
    const ok = 'x'.repeat(49_149);
    expect(encodeBase64(ok).length).toBeLessThanOrEqual(USER_DATA_MAX_ENCODED);
    expect(validateUserData(ok)).toBeNull();
    expect(validateUserData('')).toBeNull();
  });

  it('checks a file already in base64', () => {
    expect(validateUserDataBase64('aGVsbG8=')).toBeNull();
    expect(key(validateUserDataBase64('not base64!'))).toBe('notBase64');
    expect(key(validateUserDataBase64('A'.repeat(65_536)))).toBe('userDataTooLarge');
  });
});

describe('metadata (spec 4.2: keys 1..255 bytes, values < 256 bytes; Nova key characters)', () => {
  it('checks each row and the count', () => {
    const result = validateMetadata(
      [
        { key: 'role', value: 'web' },
        { key: '', value: 'x' },
        { key: 'bad/key', value: 'x' },
        { key: 'long', value: 'v'.repeat(256) },
        { key: 'role', value: 'db' },
      ],
      4,
    );
    expect(result.rows.map((row) => [key(row.key), key(row.value)])).toEqual([
      [null, null],
      ['metadataKeyEmpty', null],
      ['metadataKeyChars', null],
      [null, 'metadataValueTooLong'],
      ['metadataDuplicate', null],
    ]);
    expect(result.whole).toEqual({ key: 'metadataTooMany', values: { max: 4, actual: 5 } });
  });

  it('allows the spec sample keys', () => {
    expect(validateMetadata([{ key: 'ImageType', value: 'Gold' }, { key: 'a.b:c-d_e f', value: '' }]).rows.every((r) => !r.key && !r.value)).toBe(true);
  });
});

describe('tags (spec 23.2/23.4)', () => {
  it('refuses empty, long, dotted and comma or slash tags', () => {
    expect(validateTag('prod')).toBeNull();
    expect(key(validateTag(''))).toBe('tagEmpty');
    expect(key(validateTag('x'.repeat(81)))).toBe('tagTooLong');
    expect(validateTag('x'.repeat(80))).toBeNull();
    expect(key(validateTag('.hidden'))).toBe('tagLeadingDot');
    expect(key(validateTag('a,b'))).toBe('tagChars');
    expect(key(validateTag('a/b'))).toBe('tagChars');
  });

  it('allows at most 50 tags, counting the server’s own', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `t${i}`);
    expect(validateTags(fifty)).toBeNull();
    expect(key(validateTags([...fifty, 'one-more']))).toBe('tagsTooMany');
    expect(key(validateTags(['new'], 50))).toBe('tagsTooMany');
    expect(validateTags(['ok', '.bad'])).toEqual({ key: 'tagLeadingDot', values: { tag: '.bad' } });
  });
});

describe('personality (table 4-4, Nova injected file quotas)', () => {
  it('checks paths, sizes and the number of files', () => {
    const result = validatePersonality(
      [
        { path: '/etc/banner.txt', contents: 'hello' },
        { path: '', contents: 'x' },
        { path: '/big', contents: 'x'.repeat(11) },
      ],
      { maxFiles: 2, maxBytes: 10 },
    );
    expect(result.rows.map((row) => [key(row.path), key(row.contents)])).toEqual([
      [null, null],
      ['required', null],
      [null, 'fileTooLarge'],
    ]);
    expect(key(result.whole)).toBe('tooManyFiles');
  });
});

describe('key pair names (spec 14.3)', () => {
  it('allows letters, digits, _ and -', () => {
    expect(validateKeypairName('my_key-1')).toBeNull();
    expect(key(validateKeypairName('my key'))).toBe('keypairChars');
    expect(key(validateKeypairName('k'.repeat(256)))).toBe('tooLong');
  });
});

describe('fixed IP against the network (table 4-7)', () => {
  it('must be an IPv4 address inside the CIDR, not its network, broadcast or gateway address', () => {
    expect(validateFixedIp('192.168.10.20', '192.168.10.0/24')).toBeNull();
    expect(validateFixedIp('', '192.168.10.0/24')).toBeNull();
    expect(key(validateFixedIp('192.168.11.20', '192.168.10.0/24'))).toBe('ipOutsideCidr');
    expect(key(validateFixedIp('192.168.10.256', '192.168.10.0/24'))).toBe('ipInvalid');
    expect(key(validateFixedIp('192.168.10.0', '192.168.10.0/24'))).toBe('ipReserved');
    expect(key(validateFixedIp('192.168.10.255', '192.168.10.0/24'))).toBe('ipReserved');
    expect(key(validateFixedIp('192.168.10.1', '192.168.10.0/24', '192.168.10.1'))).toBe('ipGateway');
    expect(validateFixedIp('10.1.200.3', '10.1.0.0/16')).toBeNull();
  });
});

describe('boot volume size', () => {
  it('is a whole number of GB, at least the image’s minimum', () => {
    expect(validateVolumeSize(40, 40)).toBeNull();
    expect(key(validateVolumeSize(39, 40))).toBe('volumeSizeTooSmall');
    expect(key(validateVolumeSize('12.5', 1))).toBe('volumeSizeInteger');
    expect(key(validateVolumeSize('', 1))).toBe('volumeSizeInteger');
  });
});
