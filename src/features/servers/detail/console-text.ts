/**
 * Pure helpers of the console-output viewer: search matches and highlight segments. The
 * viewer renders these as text nodes (never HTML), so guest output cannot inject markup.
 */

interface Segment {
  text: string;
  /** Index of the match among all matches of the output, or null for plain text. */
  match: number | null;
}

export interface ConsoleSearch {
  /** Per line, its segments. */
  lines: Segment[][];
  /** Number of matches in the whole output. */
  count: number;
  /** Line of each match, by match index. */
  lineOfMatch: number[];
}

/** Splits the output into lines (`\r\n`, `\n`, lone `\r`), dropping one trailing empty line. */
export function splitLines(output: string): string[] {
  const lines = output.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Every case-insensitive (unless asked) occurrence of `query`, non-overlapping, numbered in
 * reading order. An empty query matches nothing.
 */
export function searchConsole(lines: readonly string[], query: string, caseSensitive = false): ConsoleSearch {
  const lineOfMatch: number[] = [];
  if (!query) return { lines: lines.map((text) => [{ text, match: null }]), count: 0, lineOfMatch };
  const lowerQuery = query.toLocaleLowerCase();
  const out = lines.map((text, lineIndex) => {
    let haystack = text;
    let needle = query;
    if (!caseSensitive) {
      const lower = text.toLocaleLowerCase();
      // lower-casing can change lengths (rare: 'İ'); such a line is searched as sent
      if (lower.length === text.length && lowerQuery.length === query.length) {
        haystack = lower;
        needle = lowerQuery;
      }
    }
    const segments: Segment[] = [];
    let from = 0;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
      if (at > from) segments.push({ text: text.slice(from, at), match: null });
      segments.push({ text: text.slice(at, at + needle.length), match: lineOfMatch.length });
      lineOfMatch.push(lineIndex);
      from = at + needle.length;
    }
    if (from < text.length || segments.length === 0) segments.push({ text: text.slice(from), match: null });
    return segments;
  });
  return { lines: out, count: lineOfMatch.length, lineOfMatch };
}

/** `web-1-console-20261127-103118.txt`: the server's name made safe for a file name. */
export function consoleFileName(serverName: string, at: Date): string {
  const safe = serverName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'server';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${safe}-console-${stamp}.txt`;
}
