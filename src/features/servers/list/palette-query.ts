import type { ServerListFilters } from '../api';
import { UUID } from '../../../lib/validation';

/** What the command palette searches for, from what the user typed. */
export type PaletteQuery =
  | { kind: 'empty' }
  | { kind: 'id'; id: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'name'; name: string };

const IP_LIKE = /^(\d{1,3}\.){1,3}\d{0,3}$|^[0-9a-f]*:[0-9a-f:]*$/i;

export function parsePaletteQuery(text: string): PaletteQuery {
  const value = text.trim();
  if (!value) return { kind: 'empty' };
  if (UUID.test(value)) return { kind: 'id', id: value.toLowerCase() };
  if (IP_LIKE.test(value)) return { kind: 'ip', ip: value };
  return { kind: 'name', name: value };
}

/** Nova's name and ip filters are regular expressions: what the user typed is matched literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** List Servers Detail filters for a palette search (a few rows are enough). */
export function paletteFilters(query: PaletteQuery, limit = 8): ServerListFilters | null {
  switch (query.kind) {
    case 'name':
      return { name: escapeRegex(query.name), limit };
    case 'ip':
      return { ip: escapeRegex(query.ip), limit };
    default:
      return null;
  }
}
