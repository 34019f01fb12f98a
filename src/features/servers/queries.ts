/**
 * The servers feature's cache: every ['servers', …] key and how each is fetched and kept fresh
 * (serverQueries). Other features invalidate servers through serverQueries.all().
 */
import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import {
  getConsoleOutput,
  getInstanceAction,
  getInterface,
  getServer,
  getServerMetadataItem,
  getServerPassword,
  getServerTags,
  hasServerTag,
  listInstanceActions,
  listInterfaces,
  listServerIps,
  listServerMetadata,
  listServers,
  listServerSecurityGroups,
  listVolumeAttachments,
  type ServerListFilters,
} from './api';
import { isFollowed } from './follow';
import { isTransitional } from './lifecycle';
import type { Server } from './schemas';

/** How often a server between states is polled (ms). */
export const TRANSITIONAL_POLL_MS = 2000;

/** One page of the servers list as the query cache holds it. */
export interface ServerListPage {
  servers: Server[];
  nextMarker: string | null;
  /**
   * The newest `updated` seen: the next incremental refresh asks for `changes-since` this
   * value. It is the cloud's own clock, so the browser's clock never matters.
   */
  cursor: string | null;
  /** Servers of other pages already seen changed at this `updated` (live-merge.ts). */
  offPage?: Record<string, string>;
}

/** The later of two of the cloud's timestamps. */
export function newest(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function cursorOf(servers: readonly Pick<Server, 'updated'>[], previous: string | null = null): string | null {
  return servers.reduce<string | null>((cursor, server) => newest(cursor, server.updated), previous);
}

/**
 * Every cache key of servers lives here, each carrying the project and microversion
 * (scopeOf). Keys go from general to specific and all start with 'servers':
 * `['servers', 'list' | 'search', scope, filters]` for lists, `['servers', 'detail', scope, id]`
 * for one server and `['servers', 'detail', scope, id, <part>, …]` for its parts (tags, console,
 * metadata, interfaces …), so `invalidateQueries({ queryKey: serverQueries.all() })` after a
 * write refreshes them all, and other features invalidate servers through `all()` too.
 */
export const serverQueries = {
  all: () => ['servers'] as const,
  /** One page of List Servers Detail with its filters, sort and marker. */
  list: (target: ComputeTarget, filters: ServerListFilters = {}) =>
    queryOptions({
      queryKey: ['servers', 'list', scopeOf(target), filters] as const,
      queryFn: async ({ signal }): Promise<ServerListPage> => {
        const page = await listServers(target, filters, signal);
        return { ...page, cursor: cursorOf(page.servers) };
      },
    }),
  /** The servers matching a search (command palette, other resources' pages). */
  search: (target: ComputeTarget, filters: ServerListFilters = {}) =>
    queryOptions({
      queryKey: ['servers', 'search', scopeOf(target), filters] as const,
      queryFn: ({ signal }) => listServers(target, filters, signal),
      staleTime: 10_000,
    }),
  /**
   * Get Server Detail; polls while the server is between states, and after a write until the
   * cloud shows its result (follow.ts: a 204 the cloud completes in the background).
   */
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getServer(target, id, signal),
      refetchInterval: (query) => {
        const server = query.state.data;
        return server && (isTransitional(server) || isFollowed(server)) ? TRANSITIONAL_POLL_MS : false;
      },
    }),
  /** Show Console Output (5.7): the last `length` lines (all when undefined). */
  consoleOutput: (target: ComputeTarget, id: string, length: number | undefined) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'console', { length: length ?? null }] as const,
      queryFn: () => getConsoleOutput(target, id, length),
      staleTime: 0,
      // a POST that fails (409: not ready) says so in the tab, once
      meta: { errorNotification: 'never' },
    }),
  /** List IPs (9.1). */
  ips: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'ips'] as const,
      queryFn: ({ signal }) => listServerIps(target, id, signal),
    }),
  /** List Metadata (10.1). */
  metadata: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'metadata'] as const,
      queryFn: ({ signal }) => listServerMetadata(target, id, signal),
    }),
  /** One item read afresh (10.4), e.g. when its edit dialog opens: another user may have changed it. */
  metadataItem: (target: ComputeTarget, id: string, key: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'metadata', key] as const,
      queryFn: ({ signal }) => getServerMetadataItem(target, id, key, signal),
      staleTime: 0,
    }),
  /** Instance actions (11.1), newest first. */
  actions: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'actions'] as const,
      queryFn: ({ signal }) => listInstanceActions(target, id, signal),
    }),
  /** One action with its events (11.2; events are for admins). */
  action: (target: ComputeTarget, id: string, requestId: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'actions', requestId] as const,
      queryFn: ({ signal }) => getInstanceAction(target, id, requestId, signal),
    }),
  /** List Attached Volumes (12.3). */
  volumeAttachments: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'volumes'] as const,
      queryFn: ({ signal }) => listVolumeAttachments(target, id, signal),
    }),
  /** List Port Interfaces (13.3). */
  interfaces: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'interfaces'] as const,
      queryFn: ({ signal }) => listInterfaces(target, id, signal),
    }),
  /** Show Port Interface Details (13.4), read afresh. */
  interface: (target: ComputeTarget, id: string, portId: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'interfaces', portId] as const,
      queryFn: ({ signal }) => getInterface(target, id, portId, signal),
      staleTime: 0,
    }),
  /** Show Server Password (17.1). */
  password: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'password'] as const,
      queryFn: ({ signal }) => getServerPassword(target, id, signal),
    }),
  /** List Server Security Groups (22.6). */
  securityGroups: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'security-groups'] as const,
      queryFn: ({ signal }) => listServerSecurityGroups(target, id, signal),
    }),
  /** Get Server Tags (23.1). */
  tags: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'tags'] as const,
      queryFn: ({ signal }) => getServerTags(target, id, signal),
    }),
  /** Check Tag Existence (23.5), under the tags key so a tag write refreshes the answer. */
  hasTag: (target: ComputeTarget, id: string, tag: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'tags', tag] as const,
      queryFn: () => hasServerTag(target, id, tag),
      staleTime: 0,
    }),
};
