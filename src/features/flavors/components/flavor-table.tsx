import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type TableSort } from '../../../components/resource-table';
import { Nowrap } from '../../../components/nowrap';
import type { ExportColumn } from '../../../lib/export';
import { useFormatters } from '../../../lib/format';
import type { Flavor } from '../schemas';

interface FlavorTableProps {
  flavors: Flavor[] | undefined;
  loading: boolean;
  sort: TableSort;
  /** Link of a flavor's drawer, keeping the list's filters. */
  hrefOf: (flavor: Flavor) => string;
  empty: React.ReactNode;
}

export function FlavorTable({ flavors, loading, sort, hrefOf, empty }: FlavorTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const columns: Column<Flavor>[] = [
    {
      key: 'name',
      header: t('flavors.fields.name'),
      sortable: true,
      sortKey: 'name',
      cell: (f) => (
        <Anchor component={Link} to={hrefOf(f)} fw={500}>
          {f.name}
        </Anchor>
      ),
    },
    { key: 'id', header: t('flavors.fields.id'), sortable: true, sortKey: 'flavorid', cell: (f) => <Text size="sm" ff="monospace">{f.id}</Text> },
    { key: 'vcpus', header: t('flavors.fields.vcpus'), sortable: true, sortKey: 'vcpus', align: 'right', cell: (f) => format.count(f.vcpus) },
    { key: 'ram', header: t('flavors.fields.ram'), sortable: true, sortKey: 'memory_mb', align: 'right', cell: (f) => <Nowrap>{format.megabytes(f.ram)}</Nowrap> },
    { key: 'disk', header: t('flavors.fields.disk'), sortable: true, sortKey: 'root_gb', align: 'right', cell: (f) => <Nowrap>{format.gigabytes(f.disk)}</Nowrap> },
    { key: 'swap', header: t('flavors.fields.swap'), align: 'right', cell: (f) => (f.swap ? format.megabytes(f.swap) : '–') },
    { key: 'ephemeral', header: t('flavors.fields.ephemeral'), align: 'right', cell: (f) => (f.ephemeral ? format.gigabytes(f.ephemeral) : '–') },
    { key: 'rxtx', header: t('flavors.fields.rxtx'), align: 'right', cell: (f) => f.rxtxFactor ?? '–' },
    {
      key: 'public',
      header: t('flavors.fields.public'),
      cell: (f) => (
        <Badge variant="light" color={f.isPublic ? 'blue' : 'grape'}>
          {f.isPublic ? t('flavors.visibility.public') : t('flavors.visibility.private')}
        </Badge>
      ),
    },
    {
      key: 'disabled',
      header: t('flavors.fields.disabled'),
      cell: (f) => (f.disabled ? <Badge color="gray" variant="light">{t('flavors.disabled')}</Badge> : yesNo(false)),
    },
  ];
  return (
    <ResourceTable
      label={t('flavors.list.tableLabel')}
      data={flavors}
      columns={columns}
      getRowId={(f) => f.id}
      getRowLabel={(f) => f.name}
      loading={loading}
      sort={sort}
      empty={empty}
    />
  );
}

/** The columns of the CSV export: raw numbers with their units in the header. */
export function flavorExportColumns(t: (key: string) => string): ExportColumn<Flavor>[] {
  return [
    { header: 'id', value: (f) => f.id },
    { header: t('flavors.fields.name'), value: (f) => f.name },
    { header: t('flavors.fields.vcpus'), value: (f) => f.vcpus },
    { header: `${t('flavors.fields.ram')} (MB)`, value: (f) => f.ram },
    { header: `${t('flavors.fields.disk')} (GB)`, value: (f) => f.disk },
    { header: `${t('flavors.fields.swap')} (MB)`, value: (f) => f.swap },
    { header: `${t('flavors.fields.ephemeral')} (GB)`, value: (f) => f.ephemeral },
    { header: t('flavors.fields.rxtx'), value: (f) => f.rxtxFactor },
    { header: t('flavors.fields.public'), value: (f) => f.isPublic },
    { header: t('flavors.fields.disabled'), value: (f) => f.disabled },
  ];
}
