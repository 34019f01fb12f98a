import { Alert, Anchor, Badge, Breadcrumbs, Button, Code, Group, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconResize } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '../../../components/detail-fields';
import { StatusBadge } from '../../../components/status-badge';
import { useFormatters } from '../../../lib/format';
import { serverRequests } from '../requests';
import { nameProblem } from '../../../lib/validation';
import { availability, isTransitional, taskLabelKey, type Actor } from '../lifecycle';
import type { Server } from '../schemas';
import { InlineEdit } from './inline-edit';
import { ServerActionsMenu, type ServerDialog } from './server-actions';

/** The status badge with the task in progress ("Rebooting") and the build's progress. */
export function ServerStatus({ server }: { server: Server }) {
  const { t } = useTranslation();
  const task = taskLabelKey(server);
  const building = server.status.toUpperCase() === 'BUILD';
  return (
    <Group gap="xs" wrap="nowrap">
      <StatusBadge status={server.status} label={task ? t(`server-detail.task.${task}`) : undefined} />
      {building && server.progress !== undefined && (
        <Progress value={server.progress} w={80} size="sm" aria-label={t('server-detail.overview.progress')} animated />
      )}
    </Group>
  );
}

interface ServerHeaderProps {
  server: Server;
  actor: Actor;
  onOpen: (dialog: ServerDialog) => void;
}

/** Breadcrumbs, the name (renamed in place), status, lock, and the actions menu. */
export function ServerHeader({ server, actor, onOpen }: ServerHeaderProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  useDocumentTitle(`${server.name} · ${t('app.name')}`);
  const renameState = availability(server, 'rename', actor);
  return (
    <Stack gap="xs" mb="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/servers" size="sm">
          {t('areas.servers.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={320}>
          {server.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Group gap="sm" align="center" wrap="wrap">
            <InlineEdit
              serverId={server.id}
              label={t('server-detail.overview.name')}
              value={server.name}
              display={<Title order={1} size="h2">{server.name}</Title>}
              validate={(value) => nameProblem(value)}
              request={(value) => serverRequests.rename(server.id, value)}
              disabled={!renameState.allowed}
            />
            <Group gap="xs" role="status" aria-label={t('server-detail.overview.status')}>
              <ServerStatus server={server} />
              {server.locked && (
                <Tooltip label={t('server-detail.header.lockedHint')}>
                  <Badge color="orange" variant="light" leftSection={<IconLock size={12} />}>
                    {t('server-detail.header.locked')}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          </Group>
          <Group gap="md" wrap="wrap">
            <CopyableId value={server.id} />
            <Text size="sm" c="dimmed">
              {t('server-detail.header.created', { when: format.relative(server.created) })}
            </Text>
            {isTransitional(server) && (
              <Text size="sm" c="dimmed">
                {t('server-detail.header.watching')}
              </Text>
            )}
          </Group>
        </Stack>
        <ServerActionsMenu server={server} actor={actor} onOpen={onOpen} />
      </Group>
    </Stack>
  );
}

/** While VERIFY_RESIZE: the clear Confirm / Revert choice (5.2, 5.3). */
export function ResizeBanner({ server, actor, onOpen, flavorName }: ServerHeaderProps & { flavorName?: string }) {
  const { t } = useTranslation();
  if (server.status.toUpperCase() !== 'VERIFY_RESIZE') return null;
  const confirm = availability(server, 'confirm-resize', actor);
  const revert = availability(server, 'revert-resize', actor);
  return (
    <Alert color="yellow" icon={<IconResize />} title={t('server-detail.resizeBanner.title')} mb="md" role="region" aria-label={t('server-detail.resizeBanner.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('server-detail.resizeBanner.message', { flavor: flavorName ?? server.flavor.id })}</Text>
        <Group gap="sm">
          <Button size="xs" color="teal" disabled={!confirm.allowed} onClick={() => onOpen('confirm-resize')}>
            {t('server-detail.resizeBanner.confirm')}
          </Button>
          <Button size="xs" variant="default" disabled={!revert.allowed} onClick={() => onOpen('revert-resize')}>
            {t('server-detail.resizeBanner.revert')}
          </Button>
          {!confirm.allowed && (
            <Text size="xs" c="dimmed">
              {t(`server-detail.reason.${confirm.reason}`)}
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/** The fault of a server in ERROR (table 4-27): message, code, time, details. */
export function FaultAlert({ server }: { server: Server }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const fault = server.fault;
  if (!fault) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('server-detail.fault.title')} mb="md">
      <Stack gap={4}>
        <Text size="sm">{fault.message}</Text>
        <Text size="xs" c="dimmed">
          {t('server-detail.fault.meta', { code: fault.code, when: format.dateTime(fault.created) })}
        </Text>
        {fault.details && fault.details !== fault.message && (
          <Code block fz="xs">
            {fault.details}
          </Code>
        )}
      </Stack>
    </Alert>
  );
}
