import '../resource-styles';
import { lazy } from 'react';
import { Button, Group, Select, Stack } from '@mantine/core';
import { IconDatabasePlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { confirmSnapshotDelete } from '../../../features/snapshots/components/confirm-snapshot-delete';
import {
  SnapshotTable,
  createVolumeFromSnapshotPath,
  snapshotExportColumns,
  snapshotSortValue,
} from '../../../features/snapshots/components/snapshot-table';
import { useDeleteSnapshot } from '../../../features/snapshots/mutations';
import { snapshotQueries } from '../../../features/snapshots/queries';
import { volumeQueries } from '../../../features/volumes/queries';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';

const SnapshotDetailPage = lazy(withStrings('routes/snapshots/detail', () => import('./detail')));

function SnapshotsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const list = useListParams(['q', 'status', 'volume'] as const, { sortKey: 'createdAt', sortDirection: 'desc' });
  const snapshots = useQuery(snapshotQueries.list(compute));
  const volumeNames = useQuery(volumeQueries.names(compute));
  const remove = useDeleteSnapshot();

  const filtered = snapshots.data?.filter(
    (s) =>
      matchesText(list.filters.q, s.name, s.id, s.description) &&
      (!list.filters.status || s.status === list.filters.status) &&
      (!list.filters.volume || s.volumeId === list.filters.volume),
  );
  const sorted = filtered ? sortRows(filtered, snapshotSortValue[list.sort.key] ?? snapshotSortValue.createdAt, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);
  const statuses = [...new Set((snapshots.data ?? []).map((s) => s.status))].sort();
  const names = volumeNames.data ?? new Map<string, string>();

  return (
    <>
      <PageHeader
        title={t('areas.snapshots.title')}
        description={t('areas.snapshots.description')}
        actions={<ExportMenu rows={sorted} columns={snapshotExportColumns(t)} fileName="snapshots" />}
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} />
          <Select
            label={t('snapshots.fields.status')}
            placeholder={t('volumes.list.anyStatus')}
            data={statuses.map((s) => ({ value: s, label: t(`status.${s.toUpperCase()}`, { defaultValue: s }) }))}
            value={list.filters.status || null}
            onChange={(value) => list.setFilters({ status: value ?? '' })}
            clearable
            w={180}
          />
          <Select
            label={t('snapshots.fields.volume')}
            placeholder={t('snapshots.list.anyVolume')}
            data={[...names].map(([id, name]) => ({ value: id, label: name || id }))}
            value={list.filters.volume || null}
            onChange={(value) => list.setFilters({ volume: value ?? '' })}
            clearable
            searchable
            w={220}
          />
        </Group>
        <ListBody query={snapshots} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <SnapshotTable
            snapshots={snapshots.data ? page.rows : undefined}
            loading={snapshots.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            volumeNames={names}
            empty={
              list.filtered ? (
                <EmptyContentView
                  title={t('snapshots.list.noMatch')}
                  action={
                    <Button variant="light" onClick={list.clearFilters}>
                      {t('ui.list.clearFilters')}
                    </Button>
                  }
                />
              ) : (
                <EmptyContentView
                  title={t('snapshots.list.empty')}
                  description={t('snapshots.list.emptyHint')}
                  action={
                    <Button component={Link} to="/volumes" variant="light">
                      {t('snapshots.list.toVolumes')}
                    </Button>
                  }
                />
              )
            }
            rowActions={[
              {
                label: t('snapshots.createVolume'),
                icon: <IconDatabasePlus size={16} />,
                onClick: (s) => navigate(createVolumeFromSnapshotPath(s.id)),
                disabled: (s) => (s.status === 'available' ? false : t('snapshots.notAvailable')),
              },
              {
                label: t('snapshots.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (s) => void confirmSnapshotDelete(s, t, (id) => remove.mutateAsync(id)).catch(() => undefined),
              },
            ]}
          />
        </ListBody>
      </Stack>
    </>
  );
}

export const routePatterns = ['', ':snapshotId'];

/** Snapshots (spec 20.1–20.3; the list is Nova's os-snapshots/detail). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <SnapshotsPage /> },
        { path: ':snapshotId', element: <SnapshotDetailPage /> },
      ]}
    />
  );
}
