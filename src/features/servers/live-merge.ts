import type { ServerListFilters } from './api';
import type { Server } from './schemas';

/** One page of the servers list as the query cache holds it. */
export interface ServerListPage {
  servers: Server[];
  nextMarker: string | null;
  /**
   * The newest `updated` seen: the next incremental refresh asks for `changes-since` this
   * value. It is the cloud's own clock, so the browser's clock never matters.
   */
  cursor: string | null;
}

const DROPPED = new Set(['DELETED', 'SOFT_DELETED']);

function newest(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function cursorOf(servers: readonly Pick<Server, 'updated'>[], previous: string | null = null): string | null {
  return servers.reduce<string | null>((cursor, server) => newest(cursor, server.updated), previous);
}

/** The query of an incremental refresh: every server of the project changed since the cursor. */
export function changesParams(filters: ServerListFilters, cursor: string): ServerListFilters {
  const params: ServerListFilters = { 'changes-since': cursor };
  if (filters.all_tenants) params.all_tenants = true;
  return params;
}

/**
 * Lays the servers changed since the cursor over the page: changed rows are replaced in
 * place (the page keeps its order), deleted ones and those that left the status filter drop
 * out. Servers not on the page are left for the next full load (they belong to other pages).
 */
export function mergeServerChanges(
  page: ServerListPage,
  changes: readonly Server[],
  filters: Pick<ServerListFilters, 'status'> = {},
): ServerListPage {
  const byId = new Map(changes.map((server) => [server.id, server]));
  const wantedStatus = filters.status?.toUpperCase();
  const servers: Server[] = [];
  for (const current of page.servers) {
    const changed = byId.get(current.id);
    if (!changed) {
      servers.push(current);
      continue;
    }
    const status = changed.status.toUpperCase();
    if (DROPPED.has(status)) continue;
    if (wantedStatus && wantedStatus !== 'DELETED' && status !== wantedStatus) continue;
    servers.push(changed);
  }
  return { servers, nextMarker: page.nextMarker, cursor: cursorOf(changes, page.cursor) };
}
