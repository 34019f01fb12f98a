import type { ReactNode } from 'react';
import { Anchor, Badge, Code } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import type { KeypairSummary } from '../schemas';

interface KeypairTableProps {
  keypairs: KeypairSummary[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: ReactNode;
  rowActions: RowAction<KeypairSummary>[];
}

const keypairPath = (name: string) => `/key-pairs/${encodeURIComponent(name)}`;

export function KeypairTable({ keypairs, loading, sort, empty, rowActions }: KeypairTableProps) {
  const { t } = useTranslation();
  const columns: Column<KeypairSummary>[] = [
    {
      key: 'name',
      header: t('keypairs.fields.name'),
      sortable: true,
      cell: (k) => (
        <Anchor component={Link} to={keypairPath(k.name)} fw={500}>
          {k.name}
        </Anchor>
      ),
    },
    { key: 'fingerprint', header: t('keypairs.fields.fingerprint'), sortable: true, cell: (k) => <Code>{k.fingerprint ?? '–'}</Code> },
    {
      key: 'type',
      header: t('keypairs.fields.type'),
      cell: (k) => <Badge variant="light">{k.type ? t(`keypairs.types.${k.type}`, { defaultValue: k.type }) : t('keypairs.types.ssh')}</Badge>,
    },
  ];
  return (
    <ResourceTable
      label={t('keypairs.list.tableLabel')}
      data={keypairs}
      columns={columns}
      getRowId={(k) => k.name}
      loading={loading}
      sort={sort}
      empty={empty}
      rowActions={rowActions}
    />
  );
}

export function keypairExportColumns(t: (key: string) => string): ExportColumn<KeypairSummary>[] {
  return [
    { header: t('keypairs.fields.name'), value: (k) => k.name },
    { header: t('keypairs.fields.fingerprint'), value: (k) => k.fingerprint },
    { header: t('keypairs.fields.type'), value: (k) => k.type ?? 'ssh' },
    { header: t('keypairs.fields.publicKey'), value: (k) => k.public_key?.trim() },
  ];
}
