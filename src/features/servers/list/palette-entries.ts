/**
 * What the command palette offers for what was typed, in order (Enter runs the first): an
 * operation named at the start ("reboot web-02", "stop") on the servers found or the server of
 * the page; pages and "create server" whose names hold the text; then the servers found (open,
 * and each operation their state allows). Pure, so the order can be tested.
 */
import { availability, type Actor } from '../lifecycle';
import type { QuickOperation } from '../requests';
import type { Server } from '../schemas';

/** Operations the palette runs (each asks as confirmation.tsx says). */
export const PALETTE_OPERATIONS = ['start', 'stop', 'reboot-soft', 'reboot-hard', 'lock', 'unlock', 'delete'] as const satisfies readonly QuickOperation[];
type PaletteOperation = (typeof PALETTE_OPERATIONS)[number];

/** The words that name each operation: its label in the UI language, and English ones. */
export type OperationWords = Record<PaletteOperation, string[]>;

export const ENGLISH_OPERATION_WORDS: OperationWords = {
  start: ['start', 'power on', 'boot'],
  stop: ['stop', 'shut down', 'shutdown', 'power off'],
  'reboot-soft': ['reboot', 'restart'],
  'reboot-hard': ['hard reboot', 'reboot', 'restart', 'reset'],
  lock: ['lock'],
  unlock: ['unlock'],
  delete: ['delete', 'remove', 'destroy'],
};

export interface ParsedPalette {
  /** Operations named at the start of the text. */
  operations: QuickOperation[];
  /** What is left to find servers by (name, id or IP); '' when nothing. */
  serverText: string;
}

/**
 * Splits "reboot web-02" into the operations it names and the server text. A whole word (or
 * words) at the start names an operation ("hard reboot" over "reboot"); a single word being
 * typed names the operations it begins ("reb"), from three letters on.
 */
export function parsePalette(text: string, words: OperationWords): ParsedPalette {
  const trimmed = text.trim();
  const lower = trimmed.toLocaleLowerCase();
  const entries = Object.entries(words) as Array<[PaletteOperation, string[]]>;
  let best: { operations: QuickOperation[]; length: number } = { operations: [], length: 0 };
  for (const [operation, names] of entries) {
    for (const name of names.map((n) => n.toLocaleLowerCase())) {
      if (!name || (lower !== name && !lower.startsWith(`${name} `))) continue;
      if (name.length > best.length) best = { operations: [operation], length: name.length };
      else if (name.length === best.length && !best.operations.includes(operation)) best.operations.push(operation);
    }
  }
  if (best.operations.length) return { operations: best.operations, serverText: trimmed.slice(best.length).trim() };
  if (lower.length >= 3 && !/\s/.test(lower)) {
    const begun = entries.filter(([, names]) => names.some((name) => name.toLocaleLowerCase().startsWith(lower))).map(([operation]) => operation);
    if (begun.length) return { operations: begun, serverText: '' };
  }
  return { operations: [], serverText: trimmed };
}

export interface PalettePage {
  label: string;
  path: string;
  /** Other words it is found by (its English name). */
  keywords: string[];
}

export type PaletteEntry =
  | { kind: 'page'; key: string; page: PalettePage }
  | { kind: 'create'; key: string }
  | { kind: 'open'; key: string; server: Server }
  | { kind: 'operation'; key: string; server: Server; operation: QuickOperation };

interface EntryInput {
  text: string;
  parsed: ParsedPalette;
  pages: readonly PalettePage[];
  /** Words that find "create a server". */
  createWords: readonly string[];
  /** Servers found for `parsed.serverText`. */
  found: readonly Server[];
  /** The server whose page is open, if any. */
  current?: Server;
  actor: Actor;
}

const matches = (text: string, words: readonly string[]) => {
  const lower = text.trim().toLocaleLowerCase();
  return lower.length > 0 && words.some((word) => word.toLocaleLowerCase().includes(lower));
};

export function paletteEntries({ text, parsed, pages, createWords, found, current, actor }: EntryInput): PaletteEntry[] {
  const allowed = (server: Server) => PALETTE_OPERATIONS.filter((op) => availability(server, op, actor).allowed);
  const operationsOn = (server: Server, operations: readonly QuickOperation[]): PaletteEntry[] =>
    operations
      .filter((op) => availability(server, op, actor).allowed)
      .map((operation) => ({ kind: 'operation', key: `${operation}:${server.id}`, server, operation }));

  if (parsed.operations.length) {
    // "reboot web-02" acts on the servers found; "reboot" alone on the server of the page
    const targets = parsed.serverText ? found : current ? [current] : [];
    return targets.flatMap((server) => operationsOn(server, parsed.operations));
  }
  const entries: PaletteEntry[] = [];
  for (const page of pages) {
    if (matches(text, [page.label, ...page.keywords])) entries.push({ kind: 'page', key: `page:${page.path}`, page });
  }
  if (matches(text, createWords)) entries.push({ kind: 'create', key: 'create-server' });
  for (const server of found) {
    entries.push({ kind: 'open', key: `open:${server.id}`, server }, ...operationsOn(server, allowed(server)));
  }
  return entries;
}
