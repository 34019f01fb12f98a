import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import { StatusBadge } from '../../../components/status-badge';
import { Nowrap } from '../../../components/nowrap';
import type { ExportColumn } from '../../../lib/export';
import { useFormatters } from '../../../lib/format';
import type { Snapshot } from '../schemas';

interface SnapshotTableProps {
  snapshots: Snapshot[] | undefined;
  loading: boolean;
  sort?: TableSort;
  empty: ReactNode;
  rowActions: RowAction<Snapshot>[];
  /** Names of the project's volumes (spec 19.2), for the volume links. */
  volumeNames: ReadonlyMap<string, string>;
  /** Hide the volume column (on a volume's own page). */
  hideVolume?: boolean;
  label?: string;
}

const snapshotPath = (id: string) => `/snapshots/${encodeURIComponent(id)}`;
/** The volumes page with its create dialog open on this snapshot (spec 19.1, snapshot_id). */
export const createVolumeFromSnapshotPath = (id: string) => `/volumes?create=1&snapshot=${encodeURIComponent(id)}`;

export const snapshotSortValue: Record<string, (s: Snapshot) => string | number | null> = {
  name: (s) => s.name || s.id,
  status: (s) => s.status,
  size: (s) => s.size,
  createdAt: (s) => s.createdAt,
};

export function SnapshotTable({ snapshots, loading, sort, empty, rowActions, volumeNames, hideVolume, label }: SnapshotTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns: Column<Snapshot>[] = [
    {
      key: 'name',
      header: t('snapshots.fields.name'),
      sortable: true,
      cell: (s) => (
        <Anchor component={Link} to={snapshotPath(s.id)} fw={500}>
          {s.name || s.id}
        </Anchor>
      ),
    },
    { key: 'status', header: t('snapshots.fields.status'), sortable: true, cell: (s) => (
        <Nowrap>
          <StatusBadge status={s.status} />
        </Nowrap>
      ),
    },
    { key: 'size', header: t('snapshots.fields.size'), sortable: true, align: 'right', cell: (s) => <Nowrap>{format.gigabytes(s.size)}</Nowrap> },
    ...(hideVolume
      ? []
      : [
          {
            key: 'volume',
            header: t('snapshots.fields.volume'),
            cell: (s: Snapshot) => (
              <Anchor component={Link} to={`/volumes/${encodeURIComponent(s.volumeId)}`} size="sm">
                {volumeNames.get(s.volumeId) || s.volumeId.slice(0, 8)}
              </Anchor>
            ),
          },
        ]),
    {
      key: 'description',
      header: t('snapshots.fields.description'),
      cell: (s) => (
        <Text size="sm" lineClamp={1}>
          {s.description || '–'}
        </Text>
      ),
    },
    { key: 'createdAt', header: t('snapshots.fields.created'), sortable: true, cell: (s) => <Nowrap>{s.createdAt ? format.dateTime(s.createdAt) : '–'}</Nowrap> },
  ];
  return (
    <ResourceTable
      label={label ?? t('snapshots.list.tableLabel')}
      data={snapshots}
      columns={columns}
      getRowId={(s) => s.id}
      getRowLabel={(s) => s.name || s.id}
      loading={loading}
      sort={sort}
      empty={empty}
      rowActions={rowActions}
    />
  );
}

export function snapshotExportColumns(t: (key: string) => string): ExportColumn<Snapshot>[] {
  return [
    { header: 'id', value: (s) => s.id },
    { header: t('snapshots.fields.name'), value: (s) => s.name },
    { header: t('snapshots.fields.status'), value: (s) => s.status },
    { header: `${t('snapshots.fields.size')} (GB)`, value: (s) => s.size },
    { header: t('snapshots.fields.volume'), value: (s) => s.volumeId },
    { header: t('snapshots.fields.description'), value: (s) => s.description },
    { header: t('snapshots.fields.created'), value: (s) => s.createdAt },
  ];
}
