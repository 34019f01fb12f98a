import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import {
  getServer,
  getServerTags,
  hasServerTag,
  listInstanceActions,
  listServers,
  type ServerListFilters,
} from './api';
import { isTransitional } from './lifecycle';
import { cursorOf, type ServerListPage } from './live-merge';

/** How often a server between states is polled (ms). */
export const TRANSITIONAL_POLL_MS = 2000;

/**
 * Query keys go from general to specific and all start with 'servers', so one
 * `invalidateQueries({ queryKey: serverQueries.all() })` refreshes lists, details and tags.
 */
export const serverQueries = {
  all: () => ['servers'] as const,
  lists: () => ['servers', 'list'] as const,
  /** One page of List Servers Detail with its filters, sort and marker. */
  list: (target: ComputeTarget, filters: ServerListFilters = {}) =>
    queryOptions({
      queryKey: ['servers', 'list', scopeOf(target), filters] as const,
      queryFn: async ({ signal }): Promise<ServerListPage> => {
        const page = await listServers(target, filters, signal);
        return { ...page, cursor: cursorOf(page.servers) };
      },
    }),
  /** id + name of the servers matching a search (command palette, pickers). */
  search: (target: ComputeTarget, filters: ServerListFilters = {}) =>
    queryOptions({
      queryKey: ['servers', 'search', scopeOf(target), filters] as const,
      queryFn: ({ signal }) => listServers(target, filters, signal),
      staleTime: 10_000,
    }),
  details: () => ['servers', 'detail'] as const,
  /** Get Server Detail; polls while the server is between states. */
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getServer(target, id, signal),
      refetchInterval: (query) => (query.state.data && isTransitional(query.state.data) ? TRANSITIONAL_POLL_MS : false),
    }),
  tags: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'tags', scopeOf(target), id] as const,
      queryFn: () => getServerTags(target, id),
    }),
  /** Check Tag Existence (23.5), under the tags key so a tag write refreshes the answer. */
  hasTag: (target: ComputeTarget, id: string, tag: string) =>
    queryOptions({
      queryKey: ['servers', 'tags', scopeOf(target), id, 'has', tag] as const,
      queryFn: () => hasServerTag(target, id, tag),
      staleTime: 0,
    }),
  /** Instance actions of a server (chapter 11), newest first. */
  actions: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'actions', scopeOf(target), id] as const,
      queryFn: ({ signal }) => listInstanceActions(target, id, signal),
    }),
};
