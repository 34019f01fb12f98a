import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * What a list shows lives in the URL (bookmarkable, shareable, kept on reload): its filters
 * by name, `sort` and `dir`, and `page`. Values are strings; empty ones are left out.
 */
export interface ListParams<F extends string> {
  filters: Record<F, string>;
  /** Sets some filters (empty string removes one) and goes back to page 1. */
  setFilters: (patch: Partial<Record<F, string>>) => void;
  clearFilters: () => void;
  /** Any filter set. */
  filtered: boolean;
  sort: { key: string; direction: 'asc' | 'desc' };
  setSort: (key: string, direction: 'asc' | 'desc') => void;
  page: number;
  setPage: (page: number) => void;
}

export interface ListParamsOptions {
  sortKey?: string;
  sortDirection?: 'asc' | 'desc';
}

export const PAGE_SIZE = 20;

export function useListParams<F extends string>(filterNames: readonly F[], options: ListParamsOptions = {}): ListParams<F> {
  const [params, setParams] = useSearchParams();
  const namesKey = filterNames.join(',');
  const defaultSort = options.sortKey ?? '';
  const defaultDirection = options.sortDirection ?? 'asc';

  const filters = useMemo(() => {
    const names = namesKey ? (namesKey.split(',') as F[]) : [];
    return Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<F, string>;
  }, [params, namesKey]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setFilters = useCallback(
    (patch: Partial<Record<F, string>>) =>
      update((next) => {
        for (const [name, value] of Object.entries(patch) as [string, string | undefined][]) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('page');
      }),
    [update],
  );

  const clearFilters = useCallback(
    () =>
      update((next) => {
        for (const name of namesKey.split(',')) next.delete(name);
        next.delete('page');
      }),
    [update, namesKey],
  );

  const setSort = useCallback(
    (key: string, direction: 'asc' | 'desc') =>
      update((next) => {
        next.set('sort', key);
        next.set('dir', direction);
        next.delete('page');
      }),
    [update],
  );

  const setPage = useCallback(
    (page: number) =>
      update((next) => {
        if (page > 1) next.set('page', String(page));
        else next.delete('page');
      }),
    [update],
  );

  const direction = params.get('dir');
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return {
    filters,
    setFilters,
    clearFilters,
    filtered: Object.values(filters).some(Boolean),
    sort: { key: params.get('sort') || defaultSort, direction: direction === 'desc' || direction === 'asc' ? direction : defaultDirection },
    setSort,
    page,
    setPage,
  };
}

/** The rows of one page (1-based); a page past the end shows the last one. */
export function pageOf<T>(rows: readonly T[], page: number, size: number = PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}

type Comparable = string | number | boolean | null | undefined;

/** Sorts a copy by one field; strings compare naturally ("vol-2" before "vol-10"), blanks last. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => Comparable, direction: 'asc' | 'desc'): T[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const xBlank = x === null || x === undefined || x === '';
    const yBlank = y === null || y === undefined || y === '';
    if (xBlank || yBlank) return xBlank === yBlank ? 0 : xBlank ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return collator.compare(String(x), String(y)) * sign;
  });
}

/** Case-insensitive "contains" over several fields, for a list's search box. */
export function matchesText(query: string, ...fields: Array<string | null | undefined>): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return fields.some((field) => field?.toLowerCase().includes(needle));
}
