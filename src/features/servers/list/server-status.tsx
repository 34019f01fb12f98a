import { Progress, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { taskLabelKey } from '../lifecycle';
import type { Server } from '../schemas';

/** The status badge with the task in progress ("Rebooting"), and a progress bar while BUILD. */
export function ServerStatus({ server }: { server: Pick<Server, 'status' | 'progress' | 'OS-EXT-STS:task_state' | 'OS-EXT-STS:vm_state'> }) {
  const { t } = useTranslation();
  const task = taskLabelKey(server);
  const building = server.status.toUpperCase() === 'BUILD';
  const progress = Math.max(0, Math.min(100, server.progress ?? 0));
  return (
    <Stack gap={4}>
      <StatusBadge status={server.status} label={task ? t(`servers.task.${task}`) : undefined} />
      {building && (
        <Progress
          value={progress}
          size="sm"
          animated
          aria-label={t('servers.list.buildProgress', { progress })}
          title={t('servers.list.buildProgress', { progress })}
        />
      )}
    </Stack>
  );
}
