import { describe, expect, it } from 'vitest';
import { consoleFileName, searchConsole, splitLines } from './console-text';

describe('console output search', () => {
  it('splits lines on every line end and drops the last empty one', () => {
    expect(splitLines('a\r\nb\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual(['']);
  });

  it('finds every match, case-insensitively, numbered in reading order', () => {
    const result = searchConsole(['Booting kernel', 'no match', 'ERROR: boot failed; error again'], 'error');
    expect(result.count).toBe(2);
    expect(result.lineOfMatch).toEqual([2, 2]);
    expect(result.lines[2]).toEqual([
      { text: 'ERROR', match: 0 },
      { text: ': boot failed; ', match: null },
      { text: 'error', match: 1 },
      { text: ' again', match: null },
    ]);
    expect(result.lines[1]).toEqual([{ text: 'no match', match: null }]);
  });

  it('respects case when asked, and does not overlap matches', () => {
    expect(searchConsole(['ERROR error'], 'error', true).count).toBe(1);
    expect(searchConsole(['aaaa'], 'aa').lines[0].map((s) => s.match)).toEqual([0, 1]);
  });

  it('keeps markup as text: segments are strings, never parsed', () => {
    const line = '<img src=x onerror=alert(1)> login:';
    const result = searchConsole([line], 'img');
    expect(result.lines[0].map((s) => s.text).join('')).toBe(line);
    expect(result.lines[0][1]).toEqual({ text: 'img', match: 0 });
  });

  it('an empty query matches nothing and keeps lines whole', () => {
    expect(searchConsole(['a', ''], '')).toEqual({ lines: [[{ text: 'a', match: null }], [{ text: '', match: null }]], count: 0, lineOfMatch: [] });
  });

  it('names the download after the server and the time', () => {
    expect(consoleFileName('web 1/prod', new Date(2026, 10, 27, 10, 31, 18))).toBe('web_1_prod-console-20261127-103118.txt');
    expect(consoleFileName('服务器', new Date(2026, 0, 2, 3, 4, 5))).toBe('server-console-20260102-030405.txt');
  });
});
