import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Loader, Stack, Table, Text, Timeline, Tooltip } from '@mantine/core';
import { IconActivity, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '../../../components/detail-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryState } from '../../../components/query-state';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { sessionQueries } from '../../session/queries';
import { serverQueries } from '../queries';
import type { InstanceAction } from '../schemas';
import classes from './detail.module.css';

/** Events of one action (11.2): what only admins may read. */
function ActionEvents({ serverId, requestId }: { serverId: string; requestId: string }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const action = useQuery(serverQueries.action(compute, serverId, requestId));
  if (action.isPending) return <Loader size="xs" />;
  if (action.error) return <ErrorAlert error={action.error} />;
  const events = action.data.events ?? [];
  if (events.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('server-detail.activity.noEvents')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={2} fz="xs" aria-label={t('server-detail.activity.eventsOf', { request: requestId })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('server-detail.activity.event')}</Table.Th>
          <Table.Th>{t('server-detail.activity.result')}</Table.Th>
          <Table.Th>{t('server-detail.activity.start')}</Table.Th>
          <Table.Th>{t('server-detail.activity.finish')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event, index) => (
          <Table.Tr key={`${event.event}-${index}`}>
            <Table.Td>
              <Code>{event.event}</Code>
              {event.traceback && (
                <Code block mt={4} fz="xs">
                  {event.traceback}
                </Code>
              )}
            </Table.Td>
            <Table.Td>
              {event.result ? (
                <Badge size="xs" color={event.result.toLowerCase() === 'success' ? 'teal' : 'red'} variant="light">
                  {event.result}
                </Badge>
              ) : (
                <Badge size="xs" variant="light">
                  {t('server-detail.activity.running')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{event.start_time ? format.dateTime(event.start_time) : '–'}</Table.Td>
            <Table.Td>{event.finish_time ? format.dateTime(event.finish_time) : '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Who ran an action. Nova gives a user id only, and Keystone tells names to admins only: the
 * signed-in user is named ("you"), anyone else is a user id, short, the whole id on hover.
 */
function ActionUser({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const me = useQuery(sessionQueries.current()).data?.user;
  if (me && me.id === userId) {
    return (
      <Text size="xs" c="dimmed">
        · {t('server-detail.activity.byYou', { name: me.name })}
      </Text>
    );
  }
  return (
    <Tooltip label={userId}>
      <Text size="xs" c="dimmed">
        · {t('server-detail.activity.byUser', { id: userId.slice(0, 8) })}
      </Text>
    </Tooltip>
  );
}

function ActionItem({ action, serverId, isAdmin }: { action: InstanceAction; serverId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} className={classes.timelineBody}>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {format.dateTime(action.start_time)} · {format.relative(action.start_time)}
        </Text>
        {action.user_id && <ActionUser userId={action.user_id} />}
      </Group>
      {action.message && (
        <Text size="sm" c="red">
          {action.message}
        </Text>
      )}
      <Group gap="xs">
        <Text size="xs">{t('server-detail.activity.requestId')}</Text>
        <CopyableId value={action.request_id} />
      </Group>
      {isAdmin && (
        <>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((shown) => !shown)}
            w="fit-content"
            // one such button per action: the name says which
            aria-label={`${open ? t('server-detail.activity.hideEvents') : t('server-detail.activity.showEvents')}: ${action.request_id}`}
          >
            {open ? t('server-detail.activity.hideEvents') : t('server-detail.activity.showEvents')}
          </Button>
          {open && <ActionEvents serverId={serverId} requestId={action.request_id} />}
        </>
      )}
    </Stack>
  );
}

/** Instance actions (11.1) as a timeline, newest first; events (11.2) for admins. */
export function ActivityTab({ serverId, isAdmin }: { serverId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const actions = useQuery(serverQueries.actions(compute, serverId));
  return (
    <Stack gap="md">
      {!isAdmin && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
          {t('server-detail.activity.eventsAdminOnly')}
        </Alert>
      )}
      <QueryState query={actions} isEmpty={(data) => data.length === 0} empty={{ title: t('server-detail.activity.none') }}>
        {(data) => (
          <Timeline bulletSize={22} lineWidth={2} active={-1} aria-label={t('server-detail.activity.title')}>
            {[...data]
              .sort((a, b) => b.start_time.localeCompare(a.start_time))
              .map((action) => (
                <Timeline.Item
                  key={action.request_id}
                  bullet={action.message ? <IconAlertTriangle size={12} /> : <IconActivity size={12} />}
                  color={action.message ? 'red' : undefined}
                  title={t(`server-detail.activity.actions.${action.action}`, { defaultValue: action.action })}
                >
                  <ActionItem action={action} serverId={serverId} isAdmin={isAdmin} />
                </Timeline.Item>
              ))}
          </Timeline>
        )}
      </QueryState>
    </Stack>
  );
}
