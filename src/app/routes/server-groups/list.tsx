import '../resource-styles';
import { lazy, useState } from 'react';
import { Button, Group, Stack, Switch } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { confirmServerGroupDelete } from '../../../features/server-groups/components/confirm-server-group-delete';
import { CreateServerGroupModal } from '../../../features/server-groups/components/create-server-group-modal';
import {
  ServerGroupTable,
  serverGroupExportColumns,
  serverGroupSortValue,
} from '../../../features/server-groups/components/server-group-table';
import { useDeleteServerGroup } from '../../../features/server-groups/mutations';
import { serverGroupQueries } from '../../../features/server-groups/queries';
import { sessionQueries } from '../../../features/session/queries';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';

const ServerGroupDetailPage = lazy(withStrings('routes/server-groups/detail', () => import('./detail')));

function ServerGroupsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const isAdmin = useQuery(sessionQueries.current()).data?.isAdmin ?? false;
  const list = useListParams(['q', 'all'] as const, { sortKey: 'name' });
  const allProjects = isAdmin && list.filters.all === '1';
  const groups = useQuery(serverGroupQueries.list(compute, allProjects));
  const remove = useDeleteServerGroup();
  const [creating, setCreating] = useState(false);

  const filtered = groups.data?.filter((g) => matchesText(list.filters.q, g.name, g.id, ...g.members));
  const sorted = filtered ? sortRows(filtered, serverGroupSortValue[list.sort.key] ?? serverGroupSortValue.name, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('serverGroups.create.button')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('areas.serverGroups.title')}
        description={t('areas.serverGroups.description')}
        actions={
          <>
            {createButton}
            <ExportMenu rows={sorted} columns={serverGroupExportColumns(t)} fileName="server-groups" />
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end">
          <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} placeholder={t('serverGroups.list.searchPlaceholder')} width={320} />
          {isAdmin && (
            <Switch
              label={t('serverGroups.list.allProjects')}
              checked={allProjects}
              onChange={(event) => list.setFilters({ all: event.currentTarget.checked ? '1' : '' })}
              mb={8}
            />
          )}
        </Group>
        <ListBody query={groups} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <ServerGroupTable
            groups={groups.data ? page.rows : undefined}
            loading={groups.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            showProject={allProjects}
            empty={
              list.filters.q ? (
                <EmptyContentView title={t('serverGroups.list.noMatch')} description={t('serverGroups.list.noMatchHint')} />
              ) : (
                <EmptyContentView title={t('serverGroups.list.empty')} description={t('serverGroups.list.emptyHint')} action={createButton} />
              )
            }
            rowActions={[
              {
                label: t('serverGroups.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (g) => void confirmServerGroupDelete(g, t, (id) => remove.mutateAsync(id)).catch(() => undefined),
              },
            ]}
          />
        </ListBody>
      </Stack>
      <CreateServerGroupModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(group) => navigate(`/server-groups/${encodeURIComponent(group.id)}`)}
      />
    </>
  );
}

export const routePatterns = ['', ':groupId'];

/** Server groups (spec 8.1–8.4). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <ServerGroupsPage /> },
        { path: ':groupId', element: <ServerGroupDetailPage /> },
      ]}
    />
  );
}
