/**
 * Live status on the servers list without reloading the page: the servers changed since the
 * page's cursor (`changes-since`) are laid over the rows it shows.
 */
import type { ServerListFilters } from '../api';
import { cursorOf, type ServerListPage } from '../queries';
import type { Server } from '../schemas';

const DROPPED = new Set(['DELETED', 'SOFT_DELETED']);

/**
 * The query of an incremental refresh: every server of the project (or, in the all-projects
 * view, of the projects shown) changed since the cursor. Nova lists deleted servers only for
 * changes-since, and drops them again once a status filter is added: so no other filter.
 */
export function changesParams(filters: ServerListFilters, cursor: string): ServerListFilters {
  const params: ServerListFilters = { 'changes-since': cursor };
  if (filters.all_tenants) {
    params.all_tenants = true;
    if (filters.project_id) params.project_id = filters.project_id;
  }
  return params;
}

export interface MergedChanges {
  page: ServerListPage;
  /**
   * A server not on the page changed in a way not seen yet (created, changed into the
   * filters, moved in the sort): only the cloud can say where it goes, so the page is read again.
   */
  reload: boolean;
}

/**
 * Lays the servers changed since the cursor over the page: changed rows are replaced in
 * place (the page keeps its order), deleted ones and those that left the status filter drop
 * out. A live server not on the page asks for a reload, once per change (`offPage`).
 */
export function mergeServerChanges(
  page: ServerListPage,
  changes: readonly Server[],
  filters: Pick<ServerListFilters, 'status'> = {},
): MergedChanges {
  const byId = new Map(changes.map((server) => [server.id, server]));
  const wantedStatus = filters.status?.toUpperCase();
  const servers: Server[] = [];
  for (const current of page.servers) {
    const changed = byId.get(current.id);
    byId.delete(current.id);
    if (!changed) {
      servers.push(current);
      continue;
    }
    const status = changed.status.toUpperCase();
    if (DROPPED.has(status)) continue;
    if (wantedStatus && wantedStatus !== 'DELETED' && status !== wantedStatus) continue;
    servers.push(changed);
  }
  const offPage = { ...page.offPage };
  let reload = false;
  for (const other of byId.values()) {
    if (DROPPED.has(other.status.toUpperCase()) || offPage[other.id] === other.updated) continue;
    offPage[other.id] = other.updated;
    reload = true;
  }
  return { page: { servers, nextMarker: page.nextMarker, cursor: cursorOf(changes, page.cursor), offPage }, reload };
}
