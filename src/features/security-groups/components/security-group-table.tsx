import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import { DEFAULT_GROUP, type SecurityGroup } from '../schemas';

export interface SecurityGroupRow extends SecurityGroup {
  /** How many of the project's servers use the group; undefined until known. */
  servers?: number;
}

export const securityGroupPath = (id: string) => `/security-groups/${encodeURIComponent(id)}`;

export const securityGroupSortValue: Record<string, (g: SecurityGroupRow) => string | number | null> = {
  name: (g) => g.name,
  rules: (g) => g.rules.length,
  servers: (g) => g.servers ?? null,
};

interface SecurityGroupTableProps {
  groups: SecurityGroupRow[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: ReactNode;
  rowActions: RowAction<SecurityGroupRow>[];
}

export function SecurityGroupTable({ groups, loading, sort, empty, rowActions }: SecurityGroupTableProps) {
  const { t } = useTranslation();
  const columns: Column<SecurityGroupRow>[] = [
    {
      key: 'name',
      header: t('securityGroups.fields.name'),
      sortable: true,
      cell: (g) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={securityGroupPath(g.id)} fw={500}>
            {g.name}
          </Anchor>
          {g.name === DEFAULT_GROUP && (
            <Badge size="xs" variant="light" color="gray">
              {t('securityGroups.defaultBadge')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'description',
      header: t('securityGroups.fields.description'),
      cell: (g) => (
        <Text size="sm" lineClamp={1}>
          {g.description || '–'}
        </Text>
      ),
    },
    { key: 'rules', header: t('securityGroups.fields.rules'), sortable: true, align: 'right', cell: (g) => g.rules.length },
    { key: 'servers', header: t('securityGroups.fields.servers'), sortable: true, align: 'right', cell: (g) => g.servers ?? '–' },
    { key: 'id', header: t('securityGroups.fields.id'), cell: (g) => <Text size="sm" ff="monospace">{g.id}</Text> },
  ];
  return (
    <ResourceTable
      label={t('securityGroups.list.tableLabel')}
      data={groups}
      columns={columns}
      getRowId={(g) => g.id}
      getRowLabel={(g) => g.name}
      loading={loading}
      sort={sort}
      empty={empty}
      rowActions={rowActions}
    />
  );
}

export function securityGroupExportColumns(t: (key: string) => string): ExportColumn<SecurityGroupRow>[] {
  return [
    { header: 'id', value: (g) => g.id },
    { header: t('securityGroups.fields.name'), value: (g) => g.name },
    { header: t('securityGroups.fields.description'), value: (g) => g.description },
    { header: t('securityGroups.fields.rules'), value: (g) => g.rules.length },
    { header: t('securityGroups.fields.servers'), value: (g) => g.servers },
  ];
}
