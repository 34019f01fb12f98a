import { Code, CopyButton, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconHourglassHigh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCompute } from '../../../lib/compute';
import { troubleOf, type Trouble } from '../lifecycle';
import { serverQueries } from '../queries';
import type { Server } from '../schemas';

function LastRequest({ serverId }: { serverId: string }) {
  const { t } = useTranslation();
  const target = useCompute();
  const actions = useQuery({ ...serverQueries.actions(target, serverId), meta: { errorNotification: 'never' } });
  const last = actions.data?.[0];
  if (!last) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('servers.trouble.lastAction', { action: last.action })}
      </Text>
      <CopyButton value={last.request_id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : `${last.request_id} — ${t('servers.trouble.copyRequestId')}`} withArrow>
            <UnstyledButton onClick={copy} aria-label={t('servers.trouble.requestIdOf', { id: last.request_id })}>
              {/* the id is long: its start tells requests apart, the tooltip and the copy give all of it */}
              <Code fz="xs">{last.request_id.length > 16 ? `${last.request_id.slice(0, 16)}…` : last.request_id}</Code>
            </UnstyledButton>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function describe(trouble: Trouble, now: number, t: ReturnType<typeof useTranslation>['t']): string {
  if (trouble.kind === 'error') return trouble.message ? t('servers.trouble.error', { message: trouble.message }) : t('servers.trouble.errorNoFault');
  // "20 minutes" / "20 分钟", in the UI language (dayjs follows i18n)
  const duration = dayjs(now - trouble.sinceMs).from(dayjs(now), true);
  return t('servers.trouble.stuck', { status: t(`status.${trouble.status}`, { defaultValue: trouble.status }), duration });
}

/**
 * Flags a server in ERROR (the fault's message) or stuck in a transitional state, with the
 * request id of its last instance action to quote to an operator.
 */
export function ServerTrouble({ server, now }: { server: Server; now: number }) {
  const { t } = useTranslation();
  const trouble = troubleOf(server, now);
  if (!trouble) return null;
  const error = trouble.kind === 'error';
  return (
    <Stack gap={2} maw={340} role="note" aria-label={t('servers.trouble.label')}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {error ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-hidden />
        ) : (
          <IconHourglassHigh size={14} color="var(--mantine-color-orange-6)" aria-hidden />
        )}
        <Text size="xs" c={error ? 'red' : 'orange'} lineClamp={2}>
          {describe(trouble, now, t)}
        </Text>
      </Group>
      <LastRequest serverId={server.id} />
    </Stack>
  );
}
