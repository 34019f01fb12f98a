import { useState } from 'react';
import { Anchor, Button, Card, Grid, List, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { confirm } from '../../../components/confirm';
import { confirmGroupDelete, groupDeleteReason } from '../../../features/security-groups/components/confirm-group-delete';
import { GroupFormModal } from '../../../features/security-groups/components/group-form-modal';
import { RuleForm } from '../../../features/security-groups/components/rule-form';
import { ruleLabel, RuleTable } from '../../../features/security-groups/components/rule-table';
import { useDeleteSecurityGroup, useDeleteSecurityGroupRule } from '../../../features/security-groups/mutations';
import { securityGroupQueries } from '../../../features/security-groups/queries';
import { DEFAULT_GROUP, type SecurityGroup } from '../../../features/security-groups/schemas';
import { useCompute } from '../../../lib/compute';
import { useServersByGroupName } from './use-group-servers';

function SecurityGroupView({ group }: { group: SecurityGroup }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const groups = useQuery(securityGroupQueries.list(compute));
  const serversByName = useServersByGroupName();
  const remove = useDeleteSecurityGroup();
  const removeRule = useDeleteSecurityGroupRule();
  const [editing, setEditing] = useState(false);
  const servers = serversByName?.get(group.name);
  const isDefault = group.name === DEFAULT_GROUP;
  const sameName = (groups.data ?? []).filter((g) => g.name === group.name).length > 1;
  // while the servers are not known yet, Delete waits (the cloud refuses a group in use)
  const deleteReason = servers === undefined && !serversByName ? t('common.loading') : groupDeleteReason(t, group, servers?.length, sameName);

  const onDelete = async () => {
    const deleted = await confirmGroupDelete(group, servers?.length, t, (id) => remove.mutateAsync(id)).catch(() => false);
    if (deleted) navigate('/security-groups');
  };

  return (
    <>
      <PageHeader
        title={group.name}
        description={group.description || t('securityGroups.detail.description')}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconEdit size={16} />}
              onClick={() => setEditing(true)}
              disabled={isDefault}
              title={isDefault ? t('securityGroups.edit.defaultRefused') : undefined}
            >
              {t('securityGroups.edit.action')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} />}
              onClick={() => void onDelete()}
              loading={remove.isPending}
              disabled={Boolean(deleteReason)}
              title={deleteReason || undefined}
            >
              {t('securityGroups.delete.action')}
            </Button>
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card padding="lg">
              <Title order={2} size="h5" mb="xs">
                {t('securityGroups.rules.title', { count: group.rules.length })}
              </Title>
              <RuleTable
                rules={group.rules}
                onDelete={(row) => {
                  // a merged row is several rules: all of them go, and the dialog says so
                  const several = row.rules.length > 1;
                  const values = { count: row.rules.length, rule: ruleLabel({ ...row, rules: [row.rule] }, t) };
                  void confirm({
                    title: t(several ? 'securityGroups.rules.deleteMergedTitle' : 'securityGroups.rules.deleteTitle', values),
                    message: t(several ? 'securityGroups.rules.deleteMergedMessage' : 'securityGroups.rules.deleteMessage', values),
                    confirmLabel: t('securityGroups.rules.delete'),
                    danger: true,
                  })
                    .then((ok) => (ok ? removeRule.mutateAsync(row.rules.map((rule) => rule.id)) : undefined))
                    .catch(() => undefined);
                }}
              />
            </Card>
            <Card padding="lg">
              <Title order={2} size="h5" mb="xs">
                {t('securityGroups.rules.addTitle')}
              </Title>
              <RuleForm group={group} groups={groups.data ?? [group]} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card padding="lg">
              <DetailFields
                labelWidth={110}
                fields={[
                  { label: t('securityGroups.fields.id'), value: <CopyableId value={group.id} /> },
                  { label: t('securityGroups.fields.description'), value: group.description },
                  group.tenant_id !== undefined && { label: t('securityGroups.fields.project'), value: group.tenant_id },
                ]}
              />
            </Card>
            <Card padding="lg">
              <Title order={2} size="h5" mb="xs">
                {t('securityGroups.detail.servers')}
              </Title>
              {!servers ? (
                <Text size="sm" c="dimmed">
                  {serversByName ? t('securityGroups.detail.noServers') : t('common.loading')}
                </Text>
              ) : (
                <List size="sm" aria-label={t('securityGroups.detail.servers')}>
                  {servers.map((s) => (
                    <List.Item key={s.id}>
                      <Anchor component={Link} to={`/servers/${encodeURIComponent(s.id)}`}>
                        {s.name}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
              {sameName && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('securityGroups.detail.sameName')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <GroupFormModal opened group={group} onClose={() => setEditing(false)} />}
    </>
  );
}

/** Show Security Group (22.3) with its rules editor and the servers that use it. */
export default function SecurityGroupDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { groupId = '' } = useParams();
  const group = useQuery(securityGroupQueries.detail(compute, groupId));
  return (
    <DetailPage back="/security-groups" backLabel={t('securityGroups.detail.back')} query={group}>
      {(data) => <SecurityGroupView group={data} />}
    </DetailPage>
  );
}
