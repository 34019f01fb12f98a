import type { ExportColumn } from '../../../lib/export';
import { PAGE_LIMIT, readAllPages } from '../../../lib/paging';
import type { ComputeTarget } from '../../../lib/compute';
import { listServers, listServerSummaries, type ServerListFilters } from '../api';
import type { ServerLookups } from './server-table';
import type { Server, ServerSummary } from '../schemas';


/** The list's filters and sort for every page: no marker, the largest page the cloud gives. */
export function exportFilters(filters: ServerListFilters): ServerListFilters {
  const { marker: _marker, limit: _limit, ...rest } = filters;
  return { ...rest, limit: PAGE_LIMIT };
}

/** Every server matching the list's filters (List Servers Detail, 4.10), page after page. */
export function readAllServers(target: ComputeTarget, filters: ServerListFilters): Promise<Server[]> {
  const base = exportFilters(filters);
  return readAllPages(async (marker) => {
    const page = await listServers(target, marker ? { ...base, marker } : base);
    return { items: page.servers, nextMarker: page.nextMarker };
  });
}

/** Ids and names only (List Servers, 4.4/4.9): the cheap read for inventories and scripts. */
export function readAllServerSummaries(target: ComputeTarget, filters: ServerListFilters): Promise<ServerSummary[]> {
  const base = exportFilters(filters);
  return readAllPages(async (marker) => {
    const page = await listServerSummaries(target, marker ? { ...base, marker } : base);
    return { items: page.servers, nextMarker: page.nextMarker };
  });
}

const addresses = (server: Server) =>
  Object.entries(server.addresses ?? {})
    .flatMap(([network, list]) => list.map((entry) => `${network}=${entry.addr}`))
    .join('; ');

/** The table's columns as CSV cells: names beside the ids they stand for. */
export function serverExportColumns(t: (key: string) => string, lookups: ServerLookups): ExportColumn<Server>[] {
  const column = (key: string) => t(`servers.columns.${key}`);
  return [
    { header: 'id', value: (s) => s.id },
    { header: column('name'), value: (s) => s.name },
    { header: column('status'), value: (s) => s.status },
    { header: 'task_state', value: (s) => s['OS-EXT-STS:task_state'] },
    { header: column('ips'), value: addresses },
    { header: column('flavor'), value: (s) => lookups.flavors.get(s.flavor.id)?.name ?? s.flavor.id },
    { header: 'flavor_id', value: (s) => s.flavor.id },
    { header: column('image'), value: (s) => (s.image ? (lookups.images.get(s.image.id)?.name ?? s.image.id) : '') },
    { header: 'image_id', value: (s) => s.image?.id },
    { header: column('az'), value: (s) => s['OS-EXT-AZ:availability_zone'] },
    { header: column('keyName'), value: (s) => s.key_name },
    { header: column('tags'), value: (s) => (s.tags ?? []).join('; ') },
    { header: column('locked'), value: (s) => s.locked },
    { header: column('created'), value: (s) => s.created },
    { header: column('updated'), value: (s) => s.updated },
  ];
}

export const summaryExportColumns: ExportColumn<ServerSummary>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'name', value: (s) => s.name },
];
