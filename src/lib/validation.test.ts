import { describe, expect, it } from 'vitest';
import { schemaResolver } from '@mantine/form';
import { z } from 'zod';
import en from '../locales/en/validation.json';
import zhCN from '../locales/zh-CN/validation.json';
import { problemMessage, translateInputErrors } from './form-errors';
import {
  consoleLinesProblem,
  descriptionProblem,
  deviceProblem,
  encodeBase64,
  fixedIpProblem,
  formRule,
  IMAGE_METADATA_LIMITS,
  keypairNameProblem,
  MAX_TAGS,
  metadataListProblem,
  metadataProblems,
  nameProblem,
  parseIpv4Cidr,
  personalityProblems,
  refineWith,
  tagListProblem,
  tagProblem,
  USER_DATA_MAX_ENCODED,
  userDataBase64Problem,
  userDataProblem,
  uuidProblem,
  volumeSizeProblem,
  type Problem,
} from './validation';

/** The rule's name: `validation.tagTooLong` → `tagTooLong`. */
const key = (problem: Problem | null) => problem?.key.replace(/^validation\./, '') ?? null;

describe('names (4.2, 4.6, 5.5, 5.6: bytes; Nova: printable, no outer blanks)', () => {
  it('refuses empty, blank, padded and control characters', () => {
    expect(nameProblem('web-01')).toBeNull();
    expect(key(nameProblem(''))).toBe('required');
    expect(key(nameProblem('   '))).toBe('blank');
    expect(key(nameProblem(' web'))).toBe('nameSpaces');
    expect(key(nameProblem('web\u0007'))).toBe('printable');
    expect(key(nameProblem('a\tb'))).toBe('printable');
  });

  it('counts bytes, not characters, against the operation’s limit', () => {
    expect(nameProblem('a'.repeat(255))).toBeNull();
    expect(nameProblem('a'.repeat(256))).toEqual({ key: 'validation.tooManyBytes', values: { max: 255, actual: 256 } });
    // 86 × 3 bytes = 258 bytes in 86 characters
    expect(nameProblem('服'.repeat(86))).toEqual({ key: 'validation.tooManyBytes', values: { max: 255, actual: 258 } });
    expect(nameProblem('服'.repeat(85))).toBeNull();
    expect(key(nameProblem('名'.repeat(81), 242))).toBe('tooManyBytes');
  });

  it('limits the description to 255 characters (Nova counts characters)', () => {
    expect(descriptionProblem('d'.repeat(255))).toBeNull();
    expect(descriptionProblem('描'.repeat(255))).toBeNull();
    expect(descriptionProblem('d'.repeat(256))).toEqual({ key: 'validation.tooLong', values: { max: 255 } });
  });
});

describe('tags (Nova’s tag type, spec 23.2/23.4)', () => {
  it('takes up to 60 characters, as Nova does (the spec’s 80 is more than Nova takes)', () => {
    expect(tagProblem('web')).toBeNull();
    expect(tagProblem('a'.repeat(60))).toBeNull();
    expect(tagProblem('标签'.repeat(30))).toBeNull();
    expect(tagProblem('a'.repeat(61))).toEqual({ key: 'validation.tagTooLong', values: { max: 60 } });
  });

  it('refuses empty, a leading dot (spec), "," and "/" (Nova); takes control characters (Nova)', () => {
    expect(key(tagProblem(''))).toBe('tagEmpty');
    expect(key(tagProblem('.hidden'))).toBe('tagLeadingDot');
    expect(tagProblem('name.hostA')).toBeNull();
    expect(key(tagProblem('a/b'))).toBe('tagChars');
    expect(key(tagProblem('a,b'))).toBe('tagChars');
    expect(tagProblem('a\u0001b')).toBeNull();
    expect(tagProblem('a\tb')).toBeNull();
  });

  it('refuses a tag the server has, and a 51st', () => {
    expect(key(tagProblem('web', ['web']))).toBe('tagDuplicate');
    const fifty = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(tagProblem('one-more', fifty)).toEqual({ key: 'validation.tagsTooMany', values: { max: 50, actual: 51 } });
  });

  it('checks a whole list, naming the bad tag, then the count', () => {
    expect(tagListProblem([])).toBeNull();
    expect(tagListProblem(['a', 'b'])).toBeNull();
    expect(tagListProblem(['a', '.b'])).toEqual({ key: 'validation.tagLeadingDot', values: { tag: '.b' } });
    expect(key(tagListProblem(['a', 'a']))).toBe('tagDuplicate');
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(tagListProblem(many)).toEqual({ key: 'validation.tagsTooMany', values: { max: 50, actual: 51 } });
  });
});

describe('metadata (4.2 table 4-3, chapter 10; Nova’s key characters)', () => {
  it('accepts keys of 1–255 bytes of Nova characters and values up to 255 bytes', () => {
    const result = metadataProblems([
      { key: 'role', value: 'web' },
      { key: 'a:b.c-d_e f', value: '' },
      { key: 'ImageType', value: 'Gold' },
      { key: 'k'.repeat(255), value: 'v'.repeat(255) },
    ]);
    expect(result.rows.every((row) => !row.key && !row.value) && !result.count).toBe(true);
    expect(metadataListProblem([{ key: 'role', value: 'web' }])).toBeNull();
  });

  it('flags empty, long, repeated and odd keys, and long values in bytes', () => {
    const result = metadataProblems([
      { key: '', value: 'x' },
      { key: 'k'.repeat(256), value: 'x' },
      { key: 'role', value: 'x' },
      { key: 'role', value: 'y' },
      { key: 'bad/key', value: 'x' },
      { key: 'ok', value: '值'.repeat(86) }, // 258 bytes, 86 characters
    ]);
    expect(result.rows.map((row) => key(row.key))).toEqual([
      'metadataKeyRequired',
      'metadataKeyTooLong',
      null,
      'metadataKeyDuplicate',
      'metadataKeyChars',
      null,
    ]);
    expect(result.rows[5].value).toEqual({ key: 'validation.metadataValueTooLong', values: { max: 255 } });
    expect(metadataListProblem([{ key: 'ok', value: '' }, { key: 'bad/key', value: '' }])).toEqual({ key: 'validation.metadataKeyChars' });
  });

  it('counts items against the project limit; -1 is unlimited', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ key: `k${i}`, value: '' }));
    const limits = { maxKeyBytes: 255, maxValueBytes: 255 };
    expect(metadataProblems(rows, { ...limits, maxItems: 2 }).count).toEqual({ key: 'validation.metadataTooMany', values: { max: 2, actual: 3 } });
    expect(metadataProblems(rows, { ...limits, maxItems: -1 }).count).toBeNull();
    expect(metadataProblems(rows, limits).count).toBeNull();
    // the count comes first: it is what the user must fix by removing rows
    expect(metadataListProblem([...rows, { key: '', value: '' }], { ...limits, maxItems: 2 })?.key).toBe('validation.metadataTooMany');
  });

  it('uses the image limits of 5.5 (keys under 255 bytes)', () => {
    expect(key(metadataProblems([{ key: 'k'.repeat(255), value: '' }], IMAGE_METADATA_LIMITS).rows[0].key)).toBe('metadataKeyTooLong');
  });
});

describe('user data (4.2: base64, at most 65,535 characters) and injected files', () => {
  it('encodes UTF-8 to base64', () => {
    expect(encodeBase64('#!/bin/sh\necho hi\n')).toBe(Buffer.from('#!/bin/sh\necho hi\n').toString('base64'));
    expect(encodeBase64('你好')).toBe(Buffer.from('你好').toString('base64'));
  });

  it('measures the encoded size against the limit', () => {
    // 49,150 bytes encode to 4 × 16,384 = 65,536 characters: one too many
    const tooBig = 'x'.repeat(49_150);
    expect(encodeBase64(tooBig).length).toBe(65_536);
    expect(userDataProblem(tooBig)).toEqual({ key: 'validation.userDataTooLarge', values: { max: USER_DATA_MAX_ENCODED, actual: 65_536 } });
    expect(userDataProblem('x'.repeat(49_149))).toBeNull();
    expect(userDataProblem('')).toBeNull();
  });

  it('checks a file already in base64', () => {
    expect(userDataBase64Problem('aGVsbG8=')).toBeNull();
    expect(key(userDataBase64Problem('not base64!'))).toBe('notBase64');
    expect(key(userDataBase64Problem('A'.repeat(65_536)))).toBe('userDataTooLarge');
  });

  it('checks paths, sizes and the number of files', () => {
    const result = personalityProblems(
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
    expect(key(result.count)).toBe('tooManyFiles');
  });
});

describe('key pair names (14.3)', () => {
  it('takes letters, digits, _ and -, up to 255 characters', () => {
    expect(keypairNameProblem('my_key-1')).toBeNull();
    expect(keypairNameProblem('a'.repeat(255))).toBeNull();
    expect(key(keypairNameProblem(''))).toBe('required');
    expect(keypairNameProblem('k'.repeat(256))).toEqual({ key: 'validation.tooLong', values: { max: 255 } });
    expect(key(keypairNameProblem('my key'))).toBe('keypairChars');
    expect(key(keypairNameProblem('key.pem'))).toBe('keypairChars');
    expect(key(keypairNameProblem('密钥'))).toBe('keypairChars');
  });
});

describe('fixed IPs (4.2 table 4-7, 13.1)', () => {
  it('parses CIDRs', () => {
    expect(parseIpv4Cidr('192.168.1.0/24')).toEqual({ network: 3232235776, prefix: 24, size: 256 });
    expect(parseIpv4Cidr('192.168.1.7/24')?.network).toBe(3232235776);
    expect(parseIpv4Cidr('300.1.1.1/24')).toBeNull();
    expect(parseIpv4Cidr('10.0.0.0/33')).toBeNull();
  });

  it('is optional, and then an IPv4 address', () => {
    expect(fixedIpProblem('')).toBeNull();
    expect(key(fixedIpProblem('192.168.1'))).toBe('ipInvalid');
    expect(key(fixedIpProblem('192.168.1.256'))).toBe('ipInvalid');
    expect(key(fixedIpProblem('01.2.3.4'))).toBe('ipInvalid');
    expect(fixedIpProblem(' 192.168.1.20 ')).toBeNull();
  });

  it('lies inside the network’s CIDR when it is known, not its network, broadcast or gateway address', () => {
    const network = { cidr: '192.168.1.0/24', gateway: '192.168.1.1' };
    expect(fixedIpProblem('192.168.1.20', network)).toBeNull();
    expect(fixedIpProblem('192.168.2.20', network)).toEqual({ key: 'validation.ipOutsideCidr', values: { cidr: '192.168.1.0/24' } });
    expect(key(fixedIpProblem('192.168.1.0', network))).toBe('ipReserved');
    expect(key(fixedIpProblem('192.168.1.255', network))).toBe('ipReserved');
    expect(fixedIpProblem('192.168.1.1', network)).toEqual({ key: 'validation.ipGateway', values: { gateway: '192.168.1.1' } });
    expect(fixedIpProblem('10.1.200.3', { cidr: '10.1.0.0/16' })).toBeNull();
    expect(fixedIpProblem('10.9.9.9', { cidr: null })).toBeNull();
  });
});

describe('ids, devices and numbers', () => {
  it('port, volume and group ids are UUIDs', () => {
    expect(uuidProblem('ce531f90-199f-48c0-816c-13e38010b442')).toBeNull();
    expect(key(uuidProblem('not-a-uuid'))).toBe('uuid');
    expect(key(uuidProblem(' '))).toBe('required');
  });

  it('device names follow 12.1, empty meaning automatic', () => {
    expect(deviceProblem('')).toBeNull();
    expect(deviceProblem('/dev/vdb')).toBeNull();
    expect(deviceProblem('/dev/sdc')).toBeNull();
    expect(deviceProblem('/dev/xvdc')).toBeNull();
    expect(key(deviceProblem('vdb'))).toBe('deviceInvalid');
    expect(key(deviceProblem('/dev/VDB'))).toBe('deviceInvalid');
    expect(key(deviceProblem('/dev/123'))).toBe('deviceInvalid');
    expect(key(deviceProblem('/dev/vdb/x'))).toBe('deviceInvalid');
  });

  it('console lines are a whole number from 1 to 10,000', () => {
    expect(consoleLinesProblem(50)).toBeNull();
    expect(consoleLinesProblem('10000')).toBeNull();
    expect(key(consoleLinesProblem(0))).toBe('linesInvalid');
    expect(key(consoleLinesProblem(2.5))).toBe('linesInvalid');
    expect(key(consoleLinesProblem(''))).toBe('linesInvalid');
    expect(key(consoleLinesProblem(10001))).toBe('linesTooMany');
  });

  it('a boot volume is a whole number of GB, at least the image’s minimum', () => {
    expect(volumeSizeProblem(40, 40)).toBeNull();
    expect(volumeSizeProblem(39, 40)).toEqual({ key: 'validation.volumeSizeTooSmall', values: { min: 40 } });
    expect(key(volumeSizeProblem('12.5', 1))).toBe('volumeSizeInteger');
    expect(key(volumeSizeProblem('', 1))).toBe('volumeSizeInteger');
  });
});

describe('messages', () => {
  /** At least one problem of every rule, to hold the catalogue to them. */
  const everyProblem: Array<Problem | null> = [
    nameProblem(''), nameProblem(' '), nameProblem(' a'), nameProblem('a\u0001'), nameProblem('a'.repeat(256)),
    descriptionProblem('d'.repeat(256)), tagProblem(''), tagProblem('a'.repeat(61)), tagProblem('.a'), tagProblem('a,b'),
    tagProblem('a', ['a']), tagProblem('b', Array.from({ length: 50 }, (_, i) => `${i}`)),
    ...metadataProblems([{ key: '', value: '' }, { key: 'k'.repeat(256), value: '' }, { key: '/', value: 'v'.repeat(256) }, { key: 'a', value: '' }, { key: 'a', value: '' }], { maxKeyBytes: 255, maxValueBytes: 255, maxItems: 1 }).rows.flatMap((row) => [row.key, row.value]),
    metadataProblems([{ key: 'a', value: '' }, { key: 'b', value: '' }], { maxKeyBytes: 255, maxValueBytes: 255, maxItems: 1 }).count,
    userDataProblem('x'.repeat(50_000)), userDataBase64Problem('!'),
    ...personalityProblems([{ path: '/'.repeat(256), contents: 'xx' }], { maxFiles: 0, maxBytes: 1 }).rows.flatMap((row) => [row.path, row.contents]),
    personalityProblems([{ path: 'a', contents: '' }], { maxFiles: 0 }).count,
    keypairNameProblem('a b'), fixedIpProblem('x'), fixedIpProblem('10.0.1.1', { cidr: '10.0.0.0/24' }),
    fixedIpProblem('10.0.0.0', { cidr: '10.0.0.0/24' }), fixedIpProblem('10.0.0.1', { cidr: '10.0.0.0/24', gateway: '10.0.0.1' }),
    uuidProblem('x'), deviceProblem('x'), consoleLinesProblem(0), consoleLinesProblem(10_001), volumeSizeProblem(0, 1), volumeSizeProblem(1, 2),
  ];

  it('every problem has its message in both languages, with the values it fills in', () => {
    const problems = everyProblem.filter((found): found is Problem => found !== null);
    expect(new Set(problems.map((found) => found.key)).size).toBe(Object.keys(en).length);
    for (const found of problems) {
      const rule = found.key.replace(/^validation\./, '') as keyof typeof en;
      for (const catalogue of [en, zhCN]) {
        const text: string | undefined = catalogue[rule];
        expect(text, found.key).toBeTruthy();
        for (const [, name] of (text ?? '').matchAll(/{{\s*(\w+)\s*}}/g)) expect(found.values ?? {}, `${found.key} fills ${name}`).toHaveProperty(name);
      }
    }
  });

  it('a problem travels through a form error and comes out translated with its values', () => {
    const t = ((key: string, values?: Record<string, string>) => `${key}${values ? JSON.stringify(values) : ''}`) as never;
    const error = problemMessage({ key: 'validation.tagTooLong', values: { max: 60 } });
    expect(translateInputErrors(t)({ inputProps: { error } })).toEqual({ error: 'validation.tagTooLong{"max":"60"}' });
    expect(translateInputErrors(t)({ inputProps: { error: 'validation.required' } })).toEqual({ error: 'validation.required' });
    expect(formRule(uuidProblem)('x')).toBe('validation.uuid');
    expect(formRule(uuidProblem)('ce531f90-199f-48c0-816c-13e38010b442')).toBeNull();
  });

  it('rules work inside a zod schema given to @mantine/form’s schemaResolver', () => {
    const schema = z.object({ name: z.string().superRefine(refineWith((name: string) => nameProblem(name, 242))), tag: z.string().superRefine(refineWith((tag: string) => tagProblem(tag))) });
    const resolve = schemaResolver(schema, { sync: true });
    expect(resolve({ name: 'web', tag: 'prod' })).toEqual({});
    expect(resolve({ name: ' web', tag: 'a/b' })).toEqual({ name: 'validation.nameSpaces', tag: 'validation.tagChars' });
    expect(resolve({ name: 'n'.repeat(243), tag: 'ok' })).toEqual({ name: 'validation.tooManyBytes?max=242&actual=243' });
  });
});
