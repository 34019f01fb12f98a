import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LaunchButton } from '../../../components/launch-button';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { StatusBadge } from '../../../components/status-badge';
import { confirmServerGroupDelete } from '../../../features/server-groups/components/confirm-server-group-delete';
import { PolicyBadge } from '../../../features/server-groups/components/server-group-table';
import { useDeleteServerGroup } from '../../../features/server-groups/mutations';
import { serverGroupQueries } from '../../../features/server-groups/queries';
import type { ServerGroup } from '../../../features/server-groups/schemas';
import { useCompute } from '../../../lib/compute';
import { useProjectServers } from '../server-refs';

function Members({ group }: { group: ServerGroup }) {
  const { t } = useTranslation();
  const servers = useProjectServers(group.members.length > 0);
  if (group.members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('serverGroups.detail.noMembers')}
      </Text>
    );
  }
  const byId = new Map((servers.data ?? []).map((s) => [s.id, s]));
  return (
    <Table striped aria-label={t('serverGroups.fields.members')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('serverGroups.detail.server')}</Table.Th>
          <Table.Th>{t('serverGroups.detail.status')}</Table.Th>
          <Table.Th>{t('serverGroups.detail.zone')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {group.members.map((id) => {
          const server = byId.get(id);
          return (
            <Table.Tr key={id}>
              <Table.Td>
                <Anchor component={Link} to={`/servers/${encodeURIComponent(id)}`}>
                  {server?.name ?? id}
                </Anchor>
              </Table.Td>
              <Table.Td>{server ? <StatusBadge status={server.status} /> : '–'}</Table.Td>
              <Table.Td>{server?.['OS-EXT-AZ:availability_zone'] ?? '–'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ServerGroupView({ group }: { group: ServerGroup }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteServerGroup();
  const onDelete = async () => {
    const deleted = await confirmServerGroupDelete(group, t, (id) => remove.mutateAsync(id)).catch(() => false);
    if (deleted) navigate('/server-groups');
  };
  return (
    <>
      <PageHeader
        title={group.name}
        description={t('serverGroups.detail.description')}
        actions={
          <>
            <LaunchButton preset={{ group: group.id }}>{t('serverGroups.launch')}</LaunchButton>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()} loading={remove.isPending}>
              {t('serverGroups.delete.action')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Card padding="lg">
          <DetailFields
            fields={[
              { label: t('serverGroups.fields.id'), value: <CopyableId value={group.id} /> },
              {
                label: t('serverGroups.fields.policy'),
                value: (
                  <Group gap="xs">
                    {group.policies.map((p) => (
                      <PolicyBadge key={p} policy={p} />
                    ))}
                  </Group>
                ),
              },
              { label: t('serverGroups.fields.policyMeaning'), value: group.policies.map((p) => t(`serverGroups.policyHelp.${p}`, { defaultValue: p })).join(' ') },
              group.project_id !== undefined && { label: t('serverGroups.fields.project'), value: group.project_id },
              group.user_id !== undefined && { label: t('serverGroups.fields.user'), value: group.user_id },
            ]}
          />
        </Card>
        <Card padding="lg">
          <Title order={2} size="h5" mb="xs">
            {t('serverGroups.detail.membersTitle', { count: group.members.length })}
          </Title>
          <Members group={group} />
        </Card>
      </Stack>
    </>
  );
}

/** Get Server Group Detail (8.3), its members, delete (8.4). */
export default function ServerGroupDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { groupId = '' } = useParams();
  const group = useQuery(serverGroupQueries.detail(compute, groupId));
  return (
    <DetailPage back="/server-groups" backLabel={t('serverGroups.detail.back')} query={group}>
      {(data) => <ServerGroupView group={data} />}
    </DetailPage>
  );
}
