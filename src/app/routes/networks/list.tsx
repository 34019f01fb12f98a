import '../resource-styles';
import { lazy } from 'react';
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { NetworkTable, networkExportColumns, networkSortValue, type NetworkRow } from '../../../features/networks/components/network-table';
import { networkQueries } from '../../../features/networks/queries';
import { addressesOn } from '../../../features/networks/schemas';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';
import { useProjectServers } from '../server-refs';

const NetworkDetailPage = lazy(withStrings('routes/networks/detail', () => import('./detail')));

function NetworksPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const list = useListParams(['q'] as const, { sortKey: 'label' });
  const networks = useQuery(networkQueries.list(compute));
  const servers = useProjectServers();

  const rows: NetworkRow[] | undefined = networks.data
    ?.filter((n) => matchesText(list.filters.q, n.label, n.id))
    .map((n) => ({ ...n, servers: servers.data?.filter((s) => addressesOn(s, n).length > 0).length }));
  const sorted = rows ? sortRows(rows, networkSortValue[list.sort.key] ?? networkSortValue.label, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);

  return (
    <>
      <PageHeader
        title={t('areas.networks.title')}
        description={t('areas.networks.description')}
        actions={<ExportMenu rows={sorted} columns={networkExportColumns(t)} fileName="networks" />}
      />
      <Stack gap="md">
        <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} width={320} />
        <ListBody query={networks} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <NetworkTable
            networks={networks.data ? page.rows : undefined}
            loading={networks.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            empty={
              list.filtered ? (
                <EmptyContentView title={t('networks.list.noMatch')} />
              ) : (
                <EmptyContentView title={t('networks.list.empty')} description={t('networks.list.emptyHint')} />
              )
            }
          />
        </ListBody>
      </Stack>
    </>
  );
}

export const routePatterns = ['', ':networkId'];

/** Networks (spec 21.1) and the servers on each. */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <NetworksPage /> },
        { path: ':networkId', element: <NetworkDetailPage /> },
      ]}
    />
  );
}
