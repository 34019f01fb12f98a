import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import type { Network } from '../schemas';

export interface NetworkRow extends Network {
  /** How many of the project's servers have an address on it; undefined until known. */
  servers?: number;
}

const networkPath = (id: string) => `/networks/${encodeURIComponent(id)}`;

export const networkSortValue: Record<string, (n: NetworkRow) => string | number | null> = {
  label: (n) => n.label,
  id: (n) => n.id,
  servers: (n) => n.servers ?? null,
};

export function NetworkTable({ networks, loading, sort, empty }: { networks: NetworkRow[] | undefined; loading: boolean; sort: TableSort; empty: ReactNode }) {
  const { t } = useTranslation();
  const columns: Column<NetworkRow>[] = [
    {
      key: 'label',
      header: t('networks.fields.label'),
      sortable: true,
      cell: (n) => (
        <Anchor component={Link} to={networkPath(n.id)} fw={500}>
          {n.label || n.id}
        </Anchor>
      ),
    },
    { key: 'id', header: t('networks.fields.id'), sortable: true, cell: (n) => <Text size="sm" ff="monospace">{n.id}</Text> },
    { key: 'cidr', header: t('networks.fields.cidr'), cell: (n) => n.cidr ?? '–' },
    { key: 'servers', header: t('networks.fields.servers'), sortable: true, align: 'right', cell: (n) => n.servers ?? '–' },
  ];
  return <ResourceTable label={t('networks.list.tableLabel')} data={networks} columns={columns} getRowId={(n) => n.id} getRowLabel={(n) => n.label || n.id} loading={loading} sort={sort} empty={empty} />;
}

export function networkExportColumns(t: (key: string) => string): ExportColumn<NetworkRow>[] {
  return [
    { header: 'id', value: (n) => n.id },
    { header: t('networks.fields.label'), value: (n) => n.label },
    { header: t('networks.fields.cidr'), value: (n) => n.cidr },
    { header: t('networks.fields.servers'), value: (n) => n.servers },
  ];
}
