import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  countFilters,
  emptyListState,
  listStateToSearch,
  nextPage,
  pageNumber,
  parseListState,
  previousPage,
  toApiFilters,
  withFilters,
  withScope,
} from './list-url';
import { listParams } from '../api';

describe('servers list state ↔ URL', () => {
  it('reads every filter, the sort, the page size and the page trail', () => {
    const state = parseListState(
      new URLSearchParams(
        'name=web&status=ACTIVE&flavor=s3.medium.2&image=img-1&ip=192.168.&az=az-1&tags=a,b&tagsAny=c&notTags=d&notTagsAny=e,f&since=2026-01-01T00:00:00Z&sort=display_name&dir=asc&limit=50&after=m1,m2',
      ),
    );
    expect(state).toEqual({
      name: 'web',
      status: 'ACTIVE',
      flavor: 's3.medium.2',
      image: 'img-1',
      ip: '192.168.',
      az: 'az-1',
      tags: ['a', 'b'],
      tagsAny: ['c'],
      notTags: ['d'],
      notTagsAny: ['e', 'f'],
      since: '2026-01-01T00:00:00Z',
      sort: 'display_name',
      dir: 'asc',
      limit: 50,
      after: ['m1', 'm2'],
      all: false,
      project: '',
    });
    expect(pageNumber(state)).toBe(3);
    // and writes it back the same way
    expect(parseListState(listStateToSearch(state))).toEqual(state);
  });

  it('ignores what the API would refuse: unknown sort keys and page sizes', () => {
    const state = parseListState(new URLSearchParams('sort=host&dir=sideways&limit=7'));
    expect(state.sort).toBe('');
    expect(state.dir).toBe('desc');
    expect(state.limit).toBe(20);
  });

  it('keeps a plain list’s URL plain', () => {
    expect(listStateToSearch(emptyListState()).toString()).toBe('');
  });

  it('goes back to page 1 when a filter, the sort or the size changes', () => {
    const paged = nextPage(nextPage(emptyListState(), 'm1'), 'm2');
    expect(paged.after).toEqual(['m1', 'm2']);
    expect(previousPage(paged).after).toEqual(['m1']);
    expect(withFilters(paged, { name: 'db' }).after).toEqual([]);
    expect(withFilters(paged, { sort: 'created_at', dir: 'asc' }).after).toEqual([]);
  });

  it('counts and clears filters, keeping sort and size', () => {
    const state = withFilters(emptyListState(), { name: 'a', tags: ['x'], sort: 'display_name', limit: 50 });
    expect(countFilters(state)).toBe(2);
    const cleared = clearFilters(state);
    expect(countFilters(cleared)).toBe(0);
    expect(cleared.sort).toBe('display_name');
    expect(cleared.limit).toBe(50);
  });
});

describe('list state → List Servers query (spec 4.9)', () => {
  it('sends the filters by their API names, the sort pair, limit and the marker', () => {
    const state = parseListState(
      new URLSearchParams('name=web&status=SHUTOFF&az=az-2&tags=a,b&notTagsAny=x&since=2026-01-01T00:00:00Z&sort=display_name&dir=asc&limit=50&after=m1,m2'),
    );
    expect(listParams(toApiFilters(state))).toEqual({
      limit: 50,
      name: 'web',
      status: 'SHUTOFF',
      availability_zone: 'az-2',
      tags: 'a,b',
      'not-tags-any': 'x',
      'changes-since': '2026-01-01T00:00:00Z',
      sort_key: 'display_name',
      sort_dir: 'asc',
      marker: 'm2',
    });
  });

  it('sends only the limit for a plain first page', () => {
    expect(listParams(toApiFilters(emptyListState()))).toEqual({ limit: 20 });
  });

  it('asks every project’s servers (all_tenants), or one project’s, in the all-projects view', () => {
    const all = parseListState(new URLSearchParams('all=1&project=p-beta&name=web'));
    expect(all).toMatchObject({ all: true, project: 'p-beta' });
    expect(countFilters(all)).toBe(2);
    expect(listParams(toApiFilters(all))).toEqual({ limit: 20, name: 'web', all_tenants: 1, project_id: 'p-beta' });
    expect(listStateToSearch(all).toString()).toBe('name=web&project=p-beta&all=1');
    // clearing the filters stays in the view; leaving the view drops its project filter
    expect(clearFilters(all)).toMatchObject({ all: true, project: '', name: '' });
    expect(withScope(all, false)).toMatchObject({ all: false, project: '', name: '' });
    // a project without the view means nothing to Nova, and is not kept
    expect(parseListState(new URLSearchParams('project=p-beta')).project).toBe('');
    expect(listParams(toApiFilters(parseListState(new URLSearchParams('project=p-beta'))))).toEqual({ limit: 20 });
  });
});
