import type { ReactNode } from 'react';
import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type RowAction, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import type { ServerGroup } from '../schemas';

interface ServerGroupTableProps {
  groups: ServerGroup[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: ReactNode;
  rowActions: RowAction<ServerGroup>[];
  /** Show the owning project (admins listing every project's groups). */
  showProject: boolean;
}

export function PolicyBadge({ policy }: { policy: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={policy.includes('anti') ? 'blue' : 'grape'}>
      {t(`serverGroups.policies.${policy}`, { defaultValue: policy })}
    </Badge>
  );
}

export const serverGroupSortValue: Record<string, (g: ServerGroup) => string | number> = {
  name: (g) => g.name,
  policy: (g) => g.policies[0] ?? '',
  members: (g) => g.members.length,
  project: (g) => g.project_id ?? '',
};

export function ServerGroupTable({ groups, loading, sort, empty, rowActions, showProject }: ServerGroupTableProps) {
  const { t } = useTranslation();
  const columns: Column<ServerGroup>[] = [
    {
      key: 'name',
      header: t('serverGroups.fields.name'),
      sortable: true,
      cell: (g) => (
        <Anchor component={Link} to={`/server-groups/${encodeURIComponent(g.id)}`} fw={500}>
          {g.name}
        </Anchor>
      ),
    },
    { key: 'policy', header: t('serverGroups.fields.policy'), sortable: true, cell: (g) => g.policies.map((p) => <PolicyBadge key={p} policy={p} />) },
    { key: 'members', header: t('serverGroups.fields.members'), sortable: true, align: 'right', cell: (g) => g.members.length },
    ...(showProject
      ? [{ key: 'project', header: t('serverGroups.fields.project'), sortable: true, cell: (g: ServerGroup) => <Text size="sm" ff="monospace">{g.project_id ?? '–'}</Text> }]
      : []),
    { key: 'id', header: t('serverGroups.fields.id'), cell: (g) => <Text size="sm" ff="monospace">{g.id}</Text> },
  ];
  return (
    <ResourceTable
      label={t('serverGroups.list.tableLabel')}
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

export function serverGroupExportColumns(t: (key: string) => string): ExportColumn<ServerGroup>[] {
  return [
    { header: 'id', value: (g) => g.id },
    { header: t('serverGroups.fields.name'), value: (g) => g.name },
    { header: t('serverGroups.fields.policy'), value: (g) => g.policies.join(' ') },
    { header: t('serverGroups.fields.members'), value: (g) => g.members.join(' ') },
    { header: t('serverGroups.fields.project'), value: (g) => g.project_id },
  ];
}
