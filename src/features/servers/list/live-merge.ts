/**
 * Live status on the servers list without reloading the page: the servers changed since the
 * page's cursor (`changes-since`) are laid over the rows it shows.
 */
import type { ServerListFilters } from '../api';
import { cursorOf, type ServerListPage } from '../queries';
import type { Server } from '../schemas';

const DROPPED = new Set(['DELETED', 'SOFT_DELETED']);

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
