import '../resource-styles';
import { lazy, useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { confirmGroupDelete, groupDeleteReason } from '../../../features/security-groups/components/confirm-group-delete';
import { GroupFormModal } from '../../../features/security-groups/components/group-form-modal';
import {
  SecurityGroupTable,
  securityGroupExportColumns,
  securityGroupPath,
  securityGroupSortValue,
  type SecurityGroupRow,
} from '../../../features/security-groups/components/security-group-table';
import { useDeleteSecurityGroup } from '../../../features/security-groups/mutations';
import { securityGroupQueries } from '../../../features/security-groups/queries';
import { DEFAULT_GROUP, type SecurityGroup } from '../../../features/security-groups/schemas';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';
import { useServersByGroupName } from './use-group-servers';

const SecurityGroupDetailPage = lazy(withStrings('routes/security-groups/detail', () => import('./detail')));

function SecurityGroupsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const list = useListParams(['q'] as const, { sortKey: 'name' });
  const groups = useQuery(securityGroupQueries.list(compute));
  const serversByName = useServersByGroupName();
  const remove = useDeleteSecurityGroup();
  const [dialog, setDialog] = useState<{ group?: SecurityGroup } | null>(null);

  const sharedNames = new Set((groups.data ?? []).filter((g, i, all) => all.findIndex((o) => o.name === g.name) !== i).map((g) => g.name));
  const rows: SecurityGroupRow[] | undefined = groups.data
    ?.filter((g) => matchesText(list.filters.q, g.name, g.id, g.description))
    .map((g) => ({ ...g, servers: serversByName ? (serversByName.get(g.name)?.length ?? 0) : undefined }));
  const sorted = rows ? sortRows(rows, securityGroupSortValue[list.sort.key] ?? securityGroupSortValue.name, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({})}>
      {t('securityGroups.create.button')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('areas.securityGroups.title')}
        description={t('areas.securityGroups.description')}
        actions={
          <>
            {createButton}
            <ExportMenu rows={sorted} columns={securityGroupExportColumns(t)} fileName="security-groups" json={(data) => data.map(({ servers: _s, ...g }) => g)} />
          </>
        }
      />
      <Stack gap="md">
        <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} width={320} />
        <ListBody query={groups} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <SecurityGroupTable
            groups={groups.data ? page.rows : undefined}
            loading={groups.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            empty={
              list.filtered ? (
                <EmptyContentView title={t('securityGroups.list.noMatch')} />
              ) : (
                <EmptyContentView title={t('securityGroups.list.empty')} description={t('securityGroups.list.emptyHint')} action={createButton} />
              )
            }
            rowActions={[
              {
                label: t('securityGroups.edit.action'),
                icon: <IconEdit size={16} />,
                onClick: (group) => setDialog({ group }),
                disabled: (group) => (group.name === DEFAULT_GROUP ? t('securityGroups.edit.defaultRefused') : false),
              },
              {
                label: t('securityGroups.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (group) => void confirmGroupDelete(group, group.servers, t, (id) => remove.mutateAsync(id)).catch(() => undefined),
                disabled: (group) => groupDeleteReason(t, group, group.servers, sharedNames.has(group.name)),
              },
            ]}
          />
        </ListBody>
      </Stack>
      {dialog && (
        <GroupFormModal
          opened
          group={dialog.group}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            if (!dialog.group) navigate(securityGroupPath(saved.id));
          }}
        />
      )}
    </>
  );
}

export const routePatterns = ['', ':groupId'];

/** Security groups and their rules (spec 22.1–22.5, 22.7, 22.8). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <SecurityGroupsPage /> },
        { path: ':groupId', element: <SecurityGroupDetailPage /> },
      ]}
    />
  );
}
