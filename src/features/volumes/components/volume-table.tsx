import type { ReactNode } from 'react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import { StatusBadge } from '../../../components/status-badge';
import { Nowrap } from '../../../components/nowrap';
import type { ExportColumn } from '../../../lib/export';
import { useFormatters } from '../../../lib/format';
import type { Volume } from '../schemas';

interface VolumeTableProps {
  volumes: Volume[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: ReactNode;
  rowActions: RowAction<Volume>[];
  /** Names of the project's servers, for the attachment links. */
  serverNames: ReadonlyMap<string, string>;
}

export const volumePath = (id: string) => `/volumes/${encodeURIComponent(id)}`;

/** "web-1 (/dev/vdb)" links to each server the volume is attached to. */
function AttachmentLinks({ volume, serverNames }: { volume: Volume; serverNames: ReadonlyMap<string, string> }) {
  if (volume.attachments.length === 0) {
    return (
      <Text span c="dimmed">
        –
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {volume.attachments.map((a) => (
        <Text key={a.serverId} size="sm">
          <Anchor component={Link} to={`/servers/${encodeURIComponent(a.serverId)}`}>
            {serverNames.get(a.serverId) ?? a.serverId.slice(0, 8)}
          </Anchor>
          {a.device && (
            <Text span size="xs" c="dimmed" ff="monospace">
              {' '}
              {a.device}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}

export const volumeSortValue: Record<string, (v: Volume) => string | number | null> = {
  name: (v) => v.name || v.id,
  status: (v) => v.status,
  size: (v) => v.size,
  volumeType: (v) => v.volumeType,
  availabilityZone: (v) => v.availabilityZone,
  createdAt: (v) => v.createdAt,
};

export function VolumeTable({ volumes, loading, sort, empty, rowActions, serverNames }: VolumeTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns: Column<Volume>[] = [
    {
      key: 'name',
      header: t('volumes.fields.name'),
      sortable: true,
      cell: (v) => (
        <Anchor component={Link} to={volumePath(v.id)} fw={500}>
          {v.name || v.id}
        </Anchor>
      ),
    },
    { key: 'status', header: t('volumes.fields.status'), sortable: true, cell: (v) => (
        <Nowrap>
          <StatusBadge status={v.status} />
        </Nowrap>
      ),
    },
    { key: 'size', header: t('volumes.fields.size'), sortable: true, align: 'right', cell: (v) => <Nowrap>{format.gigabytes(v.size)}</Nowrap> },
    { key: 'volumeType', header: t('volumes.fields.type'), sortable: true, cell: (v) => v.volumeType || '–' },
    { key: 'availabilityZone', header: t('volumes.fields.zone'), sortable: true, cell: (v) => v.availabilityZone || '–' },
    { key: 'attachments', header: t('volumes.fields.attachedTo'), cell: (v) => <AttachmentLinks volume={v} serverNames={serverNames} /> },
    { key: 'createdAt', header: t('volumes.fields.created'), sortable: true, cell: (v) => <Nowrap>{v.createdAt ? format.dateTime(v.createdAt) : '–'}</Nowrap> },
  ];
  return (
    <ResourceTable
      label={t('volumes.list.tableLabel')}
      data={volumes}
      columns={columns}
      getRowId={(v) => v.id}
      getRowLabel={(v) => v.name || v.id}
      loading={loading}
      sort={sort}
      empty={empty}
      rowActions={rowActions}
    />
  );
}

export function volumeExportColumns(t: (key: string) => string): ExportColumn<Volume>[] {
  return [
    { header: 'id', value: (v) => v.id },
    { header: t('volumes.fields.name'), value: (v) => v.name },
    { header: t('volumes.fields.status'), value: (v) => v.status },
    { header: `${t('volumes.fields.size')} (GB)`, value: (v) => v.size },
    { header: t('volumes.fields.type'), value: (v) => v.volumeType },
    { header: t('volumes.fields.zone'), value: (v) => v.availabilityZone },
    { header: t('volumes.fields.attachedTo'), value: (v) => v.attachments.map((a) => `${a.serverId}${a.device ? ` ${a.device}` : ''}`).join('; ') },
    { header: t('volumes.fields.snapshot'), value: (v) => v.snapshotId },
    { header: t('volumes.fields.description'), value: (v) => v.description },
    { header: t('volumes.fields.created'), value: (v) => v.createdAt },
  ];
}
