import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompute } from '../../../lib/compute';
import { notifyError } from '../../../lib/notify';
import { anyTransitional, taskLabelKey } from '../lifecycle';
import { applyTagsWhenReady, type CreatedServers } from '../mutations';
import { serverQueries, TRANSITIONAL_POLL_MS } from '../queries';
import { StatusBadge } from '../../../components/status-badge';

interface CreatedReportProps {
  created: CreatedServers;
  /** How many were asked for, and their names (name-1 … name-N). */
  names: string[];
  /** Tags to set on each once it is out of BUILD (2.26 cannot send them with the create). */
  tags: string[];
}

/**
 * After a create of several servers: each server on its own line — its link, its status as it
 * builds, its id — listed by the reservation the cloud answered (List Servers `reservation_id`).
 * A cloud that answered with one server instead (it ignored min_count) is said to have done so.
 */
export function CreatedReport({ created, names, tags }: CreatedReportProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const queryClient = useQueryClient();
  const reservation = created.kind === 'reservation' ? created.reservationId : '';
  const servers = useQuery({
    ...serverQueries.search(compute, { reservation_id: reservation, limit: Math.max(names.length, 1) * 2 }),
    enabled: Boolean(reservation),
    refetchInterval: (q) => (anyTransitional(q.state.data?.servers) ? TRANSITIONAL_POLL_MS : false),
  });
  const one = useQuery({ ...serverQueries.detail(compute, created.kind === 'server' ? created.id : ''), enabled: created.kind === 'server' });
  const list = created.kind === 'server' ? (one.data ? [one.data] : []) : [...(servers.data?.servers ?? [])].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));

  // the tags go on each server once it is out of BUILD, each on its own
  const tagged = useRef(new Set<string>());
  useEffect(() => {
    if (!tags.length) return;
    for (const server of list) {
      if (tagged.current.has(server.id)) continue;
      tagged.current.add(server.id);
      void applyTagsWhenReady(compute, queryClient, server.id, tags)
        .then((outcome) => {
          if (outcome !== 'applied') notifyError(new Error(t('servers.wizard.tagsNotAppliedTo', { name: server.name, tags: tags.join(', ') })));
        })
        .catch(notifyError);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per server id, as the ids arrive
  }, [list.map((server) => server.id).join(',')]);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="created-title">
      <Stack gap="md">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-filled)" />
          <Title order={2} size="h4" id="created-title">
            {t('servers.wizard.createdTitle', { count: names.length })}
          </Title>
        </Group>
        {created.kind === 'server' && names.length > 1 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('servers.wizard.oneAnsweredTitle')}>
            {t('servers.wizard.oneAnswered', { count: names.length })}
          </Alert>
        )}
        <Table aria-label={t('servers.wizard.createdTable')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('servers.columns.name')}</Table.Th>
              <Table.Th>{t('servers.columns.status')}</Table.Th>
              <Table.Th>{t('servers.columns.id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((server) => (
              <Table.Tr key={server.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/servers/${encodeURIComponent(server.id)}`}>
                    {server.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={server.status} label={taskLabelKey(server) ? t(`servers.task.${taskLabelKey(server)}`) : undefined} />
                </Table.Td>
                <Table.Td>
                  <Code fz="xs">{server.id}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        )}
        <Group>
          <Button component={Link} to="/servers" variant="light">
            {t('servers.wizard.toList')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
