import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import { useFormatters } from '../../../lib/format';
import type { Image } from '../schemas';
import { Nowrap } from '../../../components/nowrap';
import { ImageStatus } from './image-status';

interface ImageTableProps {
  images: Image[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: ReactNode;
  rowActions: RowAction<Image>[];
  /** Names of the project's servers, to name the server an image was made from. */
  serverNames?: ReadonlyMap<string, string>;
}

function imageOs(image: Image): string {
  return image.metadata.__os_version || image.metadata.__os_type || image.metadata.os_type || '';
}

export function ImageTable({ images, loading, sort, empty, rowActions, serverNames }: ImageTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns: Column<Image>[] = [
    {
      key: 'name',
      header: t('images.fields.name'),
      sortable: true,
      cell: (i) => (
        <Anchor component={Link} to={`/images/${encodeURIComponent(i.id)}`} fw={500}>
          {i.name || i.id}
        </Anchor>
      ),
    },
    { key: 'status', header: t('images.fields.status'), sortable: true, cell: (i) => (
        <Nowrap>
          <ImageStatus image={i} />
        </Nowrap>
      ),
    },
    { key: 'os', header: t('images.fields.os'), sortable: true, cell: (i) => imageOs(i) || '–' },
    { key: 'size', header: t('images.fields.size'), sortable: true, align: 'right', cell: (i) => <Nowrap>{i.size === null ? '–' : format.bytes(i.size)}</Nowrap> },
    {
      key: 'minDisk',
      header: t('images.fields.requirements'),
      sortable: true,
      cell: (i) => (
        <Nowrap>
          {t('images.requirements', { disk: format.gigabytes(i.minDisk), ram: i.minRam ? format.megabytes(i.minRam) : t('images.noMinimum') })}
        </Nowrap>
      ),
    },
    {
      key: 'server',
      header: t('images.fields.server'),
      cell: (i) =>
        i.serverId ? (
          <Anchor component={Link} to={`/servers/${encodeURIComponent(i.serverId)}`} size="sm">
            {serverNames?.get(i.serverId) ?? i.serverId.slice(0, 8)}
          </Anchor>
        ) : (
          <Text span c="dimmed">
            –
          </Text>
        ),
    },
    { key: 'updated', header: t('images.fields.updated'), sortable: true, cell: (i) => <Nowrap>{i.updated ? format.dateTime(i.updated) : '–'}</Nowrap> },
  ];
  return (
    <ResourceTable
      label={t('images.list.tableLabel')}
      data={images}
      columns={columns}
      getRowId={(i) => i.id}
      getRowLabel={(i) => i.name || i.id}
      loading={loading}
      sort={sort}
      empty={empty}
      rowActions={rowActions}
    />
  );
}

/** Client-side sort values of the columns marked sortable. */
export const imageSortValue: Record<string, (image: Image) => string | number | null> = {
  name: (i) => i.name,
  status: (i) => i.status,
  os: (i) => imageOs(i),
  size: (i) => i.size,
  minDisk: (i) => i.minDisk,
  minRam: (i) => i.minRam,
  updated: (i) => i.updated,
};

export function imageExportColumns(t: (key: string) => string): ExportColumn<Image>[] {
  return [
    { header: 'id', value: (i) => i.id },
    { header: t('images.fields.name'), value: (i) => i.name },
    { header: t('images.fields.status'), value: (i) => i.status },
    { header: t('images.fields.progress'), value: (i) => i.progress },
    { header: t('images.fields.os'), value: (i) => imageOs(i) },
    { header: `${t('images.fields.size')} (B)`, value: (i) => i.size },
    { header: `${t('images.fields.minDisk')} (GB)`, value: (i) => i.minDisk },
    { header: `${t('images.fields.minRam')} (MB)`, value: (i) => i.minRam },
    { header: t('images.fields.server'), value: (i) => i.serverId },
    { header: t('images.fields.created'), value: (i) => i.created },
    { header: t('images.fields.updated'), value: (i) => i.updated },
  ];
}
