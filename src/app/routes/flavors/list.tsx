import '../resource-styles';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Group, Select, Stack } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { FlavorDrawer } from '../../../features/flavors/components/flavor-drawer';
import { FlavorFilters } from '../../../features/flavors/components/flavor-filters';
import { FlavorTable, flavorExportColumns } from '../../../features/flavors/components/flavor-table';
import { flavorQueries } from '../../../features/flavors/queries';
import { FLAVOR_SORT_KEYS, type FlavorFilters as Filters, type FlavorSortKey, type FlavorVisibility } from '../../../features/flavors/schemas';
import { sessionQueries } from '../../../features/session/queries';
import { useCompute } from '../../../lib/compute';
import { pageOf, useListParams } from '../../../lib/list-params';
import { AreaRoutes } from '../area-routes';

const FILTERS = ['minDisk', 'minRam', 'is_public'] as const;

const toCount = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

function FlavorsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { flavorId } = useParams();
  const isAdmin = useQuery(sessionQueries.current()).data?.isAdmin ?? false;
  const list = useListParams(FILTERS, { sortKey: 'flavorid' });

  const sortKey = (FLAVOR_SORT_KEYS as readonly string[]).includes(list.sort.key) ? (list.sort.key as FlavorSortKey) : 'flavorid';
  const filters: Filters = {
    minDisk: toCount(list.filters.minDisk),
    minRam: toCount(list.filters.minRam),
    isPublic: isAdmin && list.filters.is_public ? (list.filters.is_public as FlavorVisibility) : undefined,
    sortKey,
    sortDir: list.sort.direction,
  };
  const flavors = useQuery({ ...flavorQueries.list(compute, filters), placeholderData: keepPreviousData });
  // every flavor by name (6.1), to jump to one whatever the filters
  const names = useQuery(flavorQueries.names(compute));
  const page = pageOf(flavors.data ?? [], list.page);

  const empty = list.filtered ? (
    <EmptyContentView
      title={t('flavors.list.noMatch')}
      description={t('flavors.list.noMatchHint')}
      action={
        <Button variant="light" onClick={list.clearFilters}>
          {t('ui.list.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyContentView title={t('flavors.list.empty')} description={t('flavors.list.emptyHint')} />
  );

  return (
    <>
      <PageHeader
        title={t('areas.flavors.title')}
        description={t('areas.flavors.description')}
        actions={<ExportMenu rows={flavors.data} columns={flavorExportColumns(t)} fileName="flavors" />}
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <FlavorFilters values={list.filters} onChange={list.setFilters} onClear={list.clearFilters} isAdmin={isAdmin} />
          <Select
            label={t('flavors.find.label')}
            placeholder={t('flavors.find.placeholder')}
            leftSection={<IconSearch size={16} />}
            searchable
            data={[...(names.data?.entries() ?? [])].map(([id, name]) => ({ value: id, label: name }))}
            value={null}
            onChange={(id) => id && navigate(`/flavors/${encodeURIComponent(id)}${search}`)}
            w={240}
          />
        </Group>
        <ListBody query={flavors} pagination={{ total: flavors.data?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <FlavorTable
            flavors={flavors.data ? page.rows : undefined}
            loading={flavors.isPending}
            sort={{ key: sortKey, direction: list.sort.direction, onChange: list.setSort }}
            hrefOf={(f) => `/flavors/${encodeURIComponent(f.id)}${search}`}
            empty={empty}
          />
        </ListBody>
      </Stack>
      <FlavorDrawer flavorId={flavorId ?? null} onClose={() => navigate(`/flavors${search}`)} />
    </>
  );
}

export const routePatterns = ['', ':flavorId'];

/** Flavors (spec 6.1–6.4): the list with the API's filters and sort keys; a flavor opens in a drawer. */
export function Component() {
  return (
    <AreaRoutes
      // one route for both, so opening the drawer keeps the list mounted
      routes={[{ path: ':flavorId?', element: <FlavorsPage /> }]}
    />
  );
}
