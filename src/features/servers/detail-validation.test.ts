import { describe, expect, it } from 'vitest';
import {
  IMAGE_METADATA_LIMITS,
  MAX_TAGS,
  consoleLengthProblem,
  descriptionProblem,
  deviceProblem,
  fixedIpProblem,
  hasMetadataProblems,
  metadataProblems,
  nameProblem,
  parseIpv4Cidr,
  splitTags,
  tagListProblem,
  tagProblem,
  uuidProblem,
} from './detail-validation';

const key = (problem: { key: string } | null) => problem?.key ?? null;

describe('tags (spec 23.2, 23.4)', () => {
  it('accepts ordinary tags, up to 80 characters', () => {
    expect(tagProblem('web')).toBeNull();
    expect(tagProblem('a'.repeat(80))).toBeNull();
    expect(tagProblem('标签'.repeat(40))).toBeNull();
    expect(tagProblem('name.hostA')).toBeNull();
  });

  it('refuses empty, too long, leading dot, "/" and ","', () => {
    expect(key(tagProblem(''))).toBe('tagEmpty');
    expect(tagProblem('a'.repeat(81))).toEqual({ key: 'tagTooLong', values: { max: 80 } });
    expect(key(tagProblem('.hidden'))).toBe('tagLeadingDot');
    expect(key(tagProblem('a/b'))).toBe('tagForbiddenChar');
    expect(key(tagProblem('a,b'))).toBe('tagForbiddenChar');
  });

  it('refuses a duplicate, and a 51st tag', () => {
    expect(key(tagProblem('web', ['web']))).toBe('tagDuplicate');
    const fifty = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(tagProblem('one-more', fifty)).toEqual({ key: 'tagsTooMany', values: { max: 50 } });
  });

  it('checks a whole list for replace-all, naming the bad tag', () => {
    expect(tagListProblem(['a', 'b'])).toBeNull();
    expect(tagListProblem(['a', '.b'])).toEqual({ key: 'tagLeadingDot', values: { tag: '.b' } });
    expect(key(tagListProblem(['a', 'a']))).toBe('tagDuplicate');
    expect(key(tagListProblem(Array.from({ length: 51 }, (_, i) => `t${i}`)))).toBe('tagsTooMany');
    expect(tagListProblem([])).toBeNull();
  });

  it('splits typed text on commas and spaces', () => {
    expect(splitTags(' web, prod  db,')).toEqual(['web', 'prod', 'db']);
  });
});

describe('metadata (spec 4.2 table 4-3, chapter 10)', () => {
  it('accepts keys of 1–255 bytes of Nova characters and values up to 255 bytes', () => {
    const result = metadataProblems([
      { key: 'role', value: 'web' },
      { key: 'a:b.c-d_e f', value: '' },
      { key: 'k'.repeat(255), value: 'v'.repeat(255) },
    ]);
    expect(hasMetadataProblems(result)).toBe(false);
  });

  it('flags empty, long, duplicate and odd keys, and long values in bytes', () => {
    const result = metadataProblems([
      { key: '', value: 'x' },
      { key: 'k'.repeat(256), value: 'x' },
      { key: 'role', value: 'x' },
      { key: 'role', value: 'y' },
      { key: 'bad/key', value: 'x' },
      { key: 'ok', value: '值'.repeat(86) }, // 258 bytes, 86 characters
    ]);
    expect(result.rows.map((row) => key(row.key))).toEqual([
      'metaKeyRequired',
      'metaKeyTooLong',
      null,
      'metaKeyDuplicate',
      'metaKeyChars',
      null,
    ]);
    expect(result.rows[5].value).toEqual({ key: 'metaValueTooLong', values: { max: 255 } });
  });

  it('counts items against the project limit; -1 is unlimited', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(metadataProblems(rows, { maxKeyBytes: 255, maxValueBytes: 255, maxItems: 2 }).count).toEqual({ key: 'metaTooMany', values: { max: 2 } });
    expect(metadataProblems(rows, { maxKeyBytes: 255, maxValueBytes: 255, maxItems: -1 }).count).toBeNull();
  });

  it('uses the image limits of 5.5 (keys under 255 bytes)', () => {
    expect(key(metadataProblems([{ key: 'k'.repeat(255), value: '' }], IMAGE_METADATA_LIMITS).rows[0].key)).toBe('metaKeyTooLong');
  });
});

describe('names and description (4.6, 5.5, 5.6; 2.19)', () => {
  it('requires 1–255 bytes, printable, no outer spaces', () => {
    expect(nameProblem('web-1')).toBeNull();
    expect(key(nameProblem(''))).toBe('nameRequired');
    expect(key(nameProblem('   '))).toBe('nameRequired');
    expect(key(nameProblem(' web'))).toBe('nameSpaces');
    expect(key(nameProblem('a\tb'))).toBe('nameNotPrintable');
    expect(nameProblem('a'.repeat(255))).toBeNull();
    expect(nameProblem('a'.repeat(256))).toEqual({ key: 'nameTooLong', values: { max: 255 } });
    expect(key(nameProblem('名'.repeat(81), 242))).toBe('nameTooLong');
  });

  it('limits the description to 255 characters', () => {
    expect(descriptionProblem('d'.repeat(255))).toBeNull();
    expect(key(descriptionProblem('d'.repeat(256)))).toBe('descriptionTooLong');
  });
});

describe('fixed IP of Attach Interface (13.1)', () => {
  it('parses CIDRs', () => {
    expect(parseIpv4Cidr('192.168.1.0/24')).toEqual({ network: 3232235776, prefix: 24, size: 256 });
    expect(parseIpv4Cidr('192.168.1.7/24')?.network).toBe(3232235776);
    expect(parseIpv4Cidr('300.1.1.1/24')).toBeNull();
    expect(parseIpv4Cidr('10.0.0.0/33')).toBeNull();
  });

  it('needs a valid IPv4 address', () => {
    expect(key(fixedIpProblem('192.168.1'))).toBe('ipInvalid');
    expect(key(fixedIpProblem('192.168.1.256'))).toBe('ipInvalid');
    expect(key(fixedIpProblem('01.2.3.4'))).toBe('ipInvalid');
    expect(fixedIpProblem('192.168.1.20')).toBeNull();
  });

  it('checks it against the subnet when its CIDR is known', () => {
    const subnet = { cidr: '192.168.1.0/24', gateway: '192.168.1.1' };
    expect(fixedIpProblem('192.168.1.20', subnet)).toBeNull();
    expect(fixedIpProblem('192.168.2.20', subnet)).toEqual({ key: 'ipOutsideSubnet', values: { cidr: '192.168.1.0/24' } });
    expect(key(fixedIpProblem('192.168.1.0', subnet))).toBe('ipReserved');
    expect(key(fixedIpProblem('192.168.1.255', subnet))).toBe('ipReserved');
    expect(key(fixedIpProblem('192.168.1.1', subnet))).toBe('ipGateway');
    expect(fixedIpProblem('10.9.9.9', { cidr: null })).toBeNull();
  });
});

describe('other fields', () => {
  it('port and volume ids are UUIDs', () => {
    expect(uuidProblem('ce531f90-199f-48c0-816c-13e38010b442')).toBeNull();
    expect(key(uuidProblem('not-a-uuid'))).toBe('uuidInvalid');
    expect(key(uuidProblem(' '))).toBe('required');
  });

  it('device names follow 12.1', () => {
    expect(deviceProblem('')).toBeNull();
    expect(deviceProblem('/dev/vdb')).toBeNull();
    expect(deviceProblem('/dev/xvdc')).toBeNull();
    expect(key(deviceProblem('vdb'))).toBe('deviceInvalid');
    expect(key(deviceProblem('/dev/123'))).toBe('deviceInvalid');
    expect(key(deviceProblem('/dev/vdb/x'))).toBe('deviceInvalid');
  });

  it('console lines are a whole number from 1 to 10,000', () => {
    expect(consoleLengthProblem(50)).toBeNull();
    expect(consoleLengthProblem('10000')).toBeNull();
    expect(key(consoleLengthProblem(0))).toBe('linesInvalid');
    expect(key(consoleLengthProblem(2.5))).toBe('linesInvalid');
    expect(key(consoleLengthProblem(''))).toBe('linesInvalid');
    expect(key(consoleLengthProblem(10001))).toBe('linesTooMany');
  });
});
