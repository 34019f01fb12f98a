import { describe, expect, it } from 'vitest';
import { escapeRegex, paletteFilters, parsePaletteQuery } from './palette-query';

describe('command palette search', () => {
  it('tells ids, IP addresses and names apart', () => {
    expect(parsePaletteQuery('  ')).toEqual({ kind: 'empty' });
    expect(parsePaletteQuery('8B1F52E6-65EC-43CA-A73A-C10A509A4EE3')).toEqual({ kind: 'id', id: '8b1f52e6-65ec-43ca-a73a-c10a509a4ee3' });
    expect(parsePaletteQuery('192.168.10.')).toEqual({ kind: 'ip', ip: '192.168.10.' });
    expect(parsePaletteQuery('fe80::1')).toEqual({ kind: 'ip', ip: 'fe80::1' });
    expect(parsePaletteQuery('web-01')).toEqual({ kind: 'name', name: 'web-01' });
  });

  it('matches what was typed literally (Nova filters by regular expression)', () => {
    expect(escapeRegex('web.1(a)')).toBe('web\\.1\\(a\\)');
    expect(paletteFilters({ kind: 'name', name: 'web.1' })).toEqual({ name: 'web\\.1', limit: 8 });
    expect(paletteFilters({ kind: 'ip', ip: '10.0.0.' })).toEqual({ ip: '10\\.0\\.0\\.', limit: 8 });
    expect(paletteFilters({ kind: 'id', id: 'x' })).toBeNull();
  });
});
