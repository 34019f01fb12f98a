import '../resource-styles';
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportMenu } from '../../../components/export-menu';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { ZoneTable, zoneExportColumns, zoneSortValue, type ZoneRow } from '../../../features/availability-zones/components/zone-table';
import { availabilityZoneQueries } from '../../../features/availability-zones/queries';
import { sessionQueries } from '../../../features/session/queries';
import { volumeQueries } from '../../../features/volumes/queries';
import { useCompute } from '../../../lib/compute';
import { sortRows, useListParams } from '../../../lib/list-params';
import { AreaRoutes } from '../area-routes';
import { useProjectServers } from '../server-refs';

function countBy<T>(items: readonly T[] | undefined, key: (item: T) => string | null | undefined): Map<string, number> | undefined {
  if (!items) return undefined;
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function AvailabilityZonesPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const list = useListParams([] as const, { sortKey: 'name' });
  // hosts and their services are the cloud's to show to administrators (the detail is 403 otherwise)
  const isAdmin = useQuery(sessionQueries.current()).data?.isAdmin ?? false;
  const summary = useQuery({ ...availabilityZoneQueries.list(compute), enabled: !isAdmin });
  const detail = useQuery({ ...availabilityZoneQueries.detail(compute), enabled: isAdmin });
  const zones = isAdmin ? detail : summary;
  const servers = useProjectServers();
  const volumes = useQuery(volumeQueries.list(compute));
  const serverCounts = countBy(servers.data, (s) => s['OS-EXT-AZ:availability_zone']);
  const volumeCounts = countBy(volumes.data, (v) => v.availabilityZone);

  const rows: ZoneRow[] | undefined = zones.data?.map((z) => ({
    ...z,
    servers: serverCounts ? (serverCounts.get(z.name) ?? 0) : undefined,
    volumes: volumeCounts ? (volumeCounts.get(z.name) ?? 0) : undefined,
  }));
  const sorted = rows ? sortRows(rows, zoneSortValue[list.sort.key] ?? zoneSortValue.name, list.sort.direction) : undefined;

  return (
    <>
      <PageHeader
        title={t('areas.availabilityZones.title')}
        description={t('areas.availabilityZones.description')}
        actions={<ExportMenu rows={sorted} columns={zoneExportColumns(t, !isAdmin)} fileName="availability-zones" />}
      />
      <Stack>
        {zones.error && !zones.data ? (
          <ErrorAlert error={zones.error} onRetry={() => void zones.refetch()} retrying={zones.isRefetching} />
        ) : (
          <ZoneTable
            zones={sorted}
            loading={zones.isPending}
            hostsHidden={!isAdmin}
            sort={{ ...list.sort, onChange: list.setSort }}
            empty={<EmptyContentView title={t('availabilityZones.list.empty')} description={t('availabilityZones.list.emptyHint')} />}
          />
        )}
      </Stack>
    </>
  );
}

export const routePatterns = [''];

/**
 * Availability zones (spec 18.1), with how many of the project's servers and volumes each holds;
 * for an administrator, each zone's hosts and their services (the detail).
 */
export function Component() {
  return <AreaRoutes routes={[{ path: '', element: <AvailabilityZonesPage /> }]} />;
}
