/** The servers table's columns: which are shown, in which order (kept in localStorage). */

export const SERVER_COLUMNS = [
  'name',
  'status',
  'ips',
  'flavor',
  'image',
  'az',
  'keyName',
  'tags',
  'created',
  'updated',
  'id',
  'locked',
] as const;
export type ServerColumn = (typeof SERVER_COLUMNS)[number];

/** Always shown: a row must say which server it is. */
export const FIXED_COLUMNS: ReadonlySet<ServerColumn> = new Set(['name']);

export interface ColumnPrefs {
  order: ServerColumn[];
  hidden: ServerColumn[];
}

export const DEFAULT_COLUMN_PREFS: ColumnPrefs = {
  order: [...SERVER_COLUMNS],
  hidden: ['updated', 'id', 'locked'],
};

const isColumn = (value: unknown): value is ServerColumn =>
  typeof value === 'string' && (SERVER_COLUMNS as readonly string[]).includes(value);

/**
 * Whatever was saved (an older version, another build, garbage) made into valid prefs:
 * unknown columns dropped, missing ones appended, fixed ones never hidden.
 */
export function normalizeColumnPrefs(saved: unknown): ColumnPrefs {
  if (!saved || typeof saved !== 'object') return DEFAULT_COLUMN_PREFS;
  const { order, hidden } = saved as { order?: unknown; hidden?: unknown };
  const known = Array.isArray(order) ? [...new Set(order.filter(isColumn))] : [];
  const complete = [...known, ...SERVER_COLUMNS.filter((column) => !known.includes(column))];
  const hide = Array.isArray(hidden) ? [...new Set(hidden.filter(isColumn))].filter((c) => !FIXED_COLUMNS.has(c)) : DEFAULT_COLUMN_PREFS.hidden;
  return { order: complete, hidden: hide };
}

export function visibleColumns(prefs: ColumnPrefs): ServerColumn[] {
  return prefs.order.filter((column) => !prefs.hidden.includes(column));
}

export function toggleColumn(prefs: ColumnPrefs, column: ServerColumn): ColumnPrefs {
  if (FIXED_COLUMNS.has(column)) return prefs;
  const hidden = prefs.hidden.includes(column) ? prefs.hidden.filter((c) => c !== column) : [...prefs.hidden, column];
  return { ...prefs, hidden };
}

/** Moves a column one place up (-1) or down (+1). */
export function moveColumn(prefs: ColumnPrefs, column: ServerColumn, delta: -1 | 1): ColumnPrefs {
  const order = [...prefs.order];
  const from = order.indexOf(column);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return prefs;
  [order[from], order[to]] = [order[to], order[from]];
  return { ...prefs, order };
}
