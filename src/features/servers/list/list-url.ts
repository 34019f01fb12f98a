/**
 * The servers list's filters, sort and page as they live in the URL, and as they go to the
 * API (List Servers Detail, spec 4.9). Pure: the page component reads and writes
 * `URLSearchParams` through these.
 *
 * URL: `?name=web&status=ACTIVE&flavor=…&image=…&ip=…&az=…&tags=a,b&tagsAny=…&notTags=…
 * &notTagsAny=…&since=ISO&sort=display_name&dir=asc&limit=50&after=m1,m2&all=1&project=…`. `after` is the
 * trail of markers of the pages before this one (limit/marker paging cannot jump back, so the
 * URL keeps the way it came); the current page's marker is its last entry.
 */
import { SERVER_SORT_KEYS, type ServerListFilters, type ServerSortKey } from '../api';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

export interface ServerListState {
  name: string;
  status: string;
  flavor: string;
  image: string;
  ip: string;
  az: string;
  tags: string[];
  tagsAny: string[];
  notTags: string[];
  notTagsAny: string[];
  since: string;
  /** Empty: the API's default order (created_at, newest first). */
  sort: ServerSortKey | '';
  dir: 'asc' | 'desc';
  limit: number;
  /** Markers of the pages before this one; [] on page 1. */
  after: string[];
  /** Administrators: every project's servers (`all_tenants`). */
  all: boolean;
  /** With `all`: one project's servers only (its id). */
  project: string;
}

export const SERVER_STATUSES = [
  'ACTIVE',
  'BUILD',
  'SHUTOFF',
  'REBOOT',
  'HARD_REBOOT',
  'REBUILD',
  'RESIZE',
  'VERIFY_RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'PASSWORD',
  'PAUSED',
  'SUSPENDED',
  'RESCUE',
  'ERROR',
  'UNKNOWN',
] as const;

const TEXT_FILTERS = ['name', 'status', 'flavor', 'image', 'ip', 'az', 'since', 'project'] as const;
const LIST_FILTERS = ['tags', 'tagsAny', 'notTags', 'notTagsAny'] as const;

export const emptyListState = (): ServerListState => ({
  name: '',
  status: '',
  flavor: '',
  image: '',
  ip: '',
  az: '',
  tags: [],
  tagsAny: [],
  notTags: [],
  notTagsAny: [],
  since: '',
  sort: '',
  dir: 'desc',
  limit: DEFAULT_PAGE_SIZE,
  after: [],
  all: false,
  project: '',
});

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function parseListState(search: URLSearchParams): ServerListState {
  const state = emptyListState();
  for (const name of TEXT_FILTERS) state[name] = search.get(name)?.trim() ?? '';
  for (const name of LIST_FILTERS) state[name] = splitList(search.get(name));
  const sort = search.get('sort') ?? '';
  state.sort = (SERVER_SORT_KEYS as readonly string[]).includes(sort) ? (sort as ServerSortKey) : '';
  state.dir = search.get('dir') === 'asc' ? 'asc' : 'desc';
  const limit = Number(search.get('limit'));
  state.limit = (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE;
  state.after = splitList(search.get('after'));
  state.all = search.get('all') === '1';
  // a project filter means something only across projects
  if (!state.all) state.project = '';
  return state;
}

/** The state a user sees: every project's servers is an administrator's view (Nova refuses all_tenants to others). */
export function listStateFor(search: URLSearchParams, isAdmin: boolean): ServerListState {
  const state = parseListState(search);
  return isAdmin ? state : { ...state, all: false, project: '' };
}

/** The URL of a state; defaults are left out so a plain list has a plain URL. */
export function listStateToSearch(state: ServerListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of TEXT_FILTERS) if (state[name]) search.set(name, state[name]);
  for (const name of LIST_FILTERS) if (state[name].length) search.set(name, state[name].join(','));
  if (state.sort) {
    search.set('sort', state.sort);
    search.set('dir', state.dir);
  }
  if (state.limit !== DEFAULT_PAGE_SIZE) search.set('limit', String(state.limit));
  if (state.after.length) search.set('after', state.after.join(','));
  if (state.all) search.set('all', '1');
  else search.delete('project');
  return search;
}

/** A change of filters, sort or page size starts again at page 1. */
export function withFilters(state: ServerListState, patch: Partial<Omit<ServerListState, 'after'>>): ServerListState {
  return { ...state, ...patch, after: [] };
}

export const nextPage = (state: ServerListState, marker: string): ServerListState => ({ ...state, after: [...state.after, marker] });
export const previousPage = (state: ServerListState): ServerListState => ({ ...state, after: state.after.slice(0, -1) });
export const pageNumber = (state: ServerListState): number => state.after.length + 1;

export function countFilters(state: ServerListState): number {
  return (
    TEXT_FILTERS.filter((name) => state[name]).length + LIST_FILTERS.filter((name) => state[name].length > 0).length
  );
}

export function clearFilters(state: ServerListState): ServerListState {
  const empty = emptyListState();
  return { ...empty, sort: state.sort, dir: state.dir, limit: state.limit, all: state.all };
}

/** This project's servers, or (administrators) every project's: filters and page start again. */
export function withScope(state: ServerListState, all: boolean): ServerListState {
  return { ...clearFilters(state), all };
}

/** What List Servers Detail is asked: filters by their API names, sort, limit and marker. */
export function toApiFilters(state: ServerListState): ServerListFilters {
  const filters: ServerListFilters = { limit: state.limit };
  if (state.name) filters.name = state.name;
  if (state.status) filters.status = state.status;
  if (state.flavor) filters.flavor = state.flavor;
  if (state.image) filters.image = state.image;
  if (state.ip) filters.ip = state.ip;
  if (state.az) filters.availability_zone = state.az;
  if (state.tags.length) filters.tags = state.tags;
  if (state.tagsAny.length) filters['tags-any'] = state.tagsAny;
  if (state.notTags.length) filters['not-tags'] = state.notTags;
  if (state.notTagsAny.length) filters['not-tags-any'] = state.notTagsAny;
  if (state.since) filters['changes-since'] = state.since;
  if (state.sort) {
    filters.sort_key = state.sort;
    filters.sort_dir = state.dir;
  }
  const marker = state.after.at(-1);
  if (marker) filters.marker = marker;
  if (state.all) {
    filters.all_tenants = true;
    if (state.project) filters.project_id = state.project;
  }
  return filters;
}
