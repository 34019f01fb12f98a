import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { matchesText, pageOf, sortRows, useListParams } from './list-params';

describe('pages', () => {
  it('cuts rows into pages and keeps a page past the end on the last one', () => {
    const rows = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, rows: rows.slice(0, 20) });
    expect(pageOf(rows, 3).rows).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(rows, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('sorting and search', () => {
  it('sorts names naturally, numbers as numbers, blanks last either way', () => {
    const rows = [{ n: 'vol-10', s: 3 }, { n: 'vol-2', s: null }, { n: 'Vol-1', s: 20 }];
    expect(sortRows(rows, (r) => r.n, 'asc').map((r) => r.n)).toEqual(['Vol-1', 'vol-2', 'vol-10']);
    expect(sortRows(rows, (r) => r.s, 'desc').map((r) => r.s)).toEqual([20, 3, null]);
    expect(sortRows(rows, (r) => r.s, 'asc').map((r) => r.s)).toEqual([3, 20, null]);
  });
  it('matches any field, ignoring case', () => {
    expect(matchesText('WEB', 'web-01', null)).toBe(true);
    expect(matchesText('x', 'web', undefined)).toBe(false);
    expect(matchesText('  ', 'anything')).toBe(true);
  });
});

describe('useListParams', () => {
  function setup(url: string) {
    let router!: ReturnType<typeof createMemoryRouter>;
    const wrapper = ({ children }: { children: ReactNode }) => {
      router ??= createMemoryRouter([{ path: '*', element: children }], { initialEntries: [url] });
      return <RouterProvider router={router} />;
    };
    const hook = renderHook(() => useListParams(['q', 'status'] as const, { sortKey: 'name' }), { wrapper });
    return { ...hook, router: () => router };
  }

  it('reads filters, sort and page from the URL, with defaults', () => {
    const { result } = setup('/volumes?q=data&sort=size&dir=desc&page=2');
    expect(result.current.filters).toEqual({ q: 'data', status: '' });
    expect(result.current.sort).toEqual({ key: 'size', direction: 'desc' });
    expect(result.current.page).toBe(2);
    expect(result.current.filtered).toBe(true);
  });

  it('writes changes back, and a new filter goes back to page 1', () => {
    const { result, router } = setup('/volumes?page=3&sort=size');
    act(() => result.current.setFilters({ status: 'available' }));
    expect(router().state.location.search).toBe('?sort=size&status=available');
    act(() => result.current.setPage(2));
    act(() => result.current.setSort('name', 'desc'));
    expect(new URLSearchParams(router().state.location.search).get('page')).toBeNull();
    expect(result.current.sort).toEqual({ key: 'name', direction: 'desc' });
    act(() => result.current.clearFilters());
    expect(result.current.filters).toEqual({ q: '', status: '' });
  });
});
