import { useEffect, useState } from 'react';
import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { serverRequests } from '../../requests';
import { availability, type Actor } from '../../lifecycle';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';

interface DialogProps {
  server: Server;
  actor: Actor;
  opened: boolean;
  onClose: () => void;
}

/** Reboot (5.4): soft or hard, each offered only when the server's state allows it. */
export function RebootDialog({ server, actor, opened, onClose, initialType }: DialogProps & { initialType: 'SOFT' | 'HARD' }) {
  const { t } = useTranslation();
  const [type, setType] = useState<'SOFT' | 'HARD'>(initialType);
  useEffect(() => {
    if (opened) setType(initialType);
  }, [opened, initialType]);
  const softAllowed = availability(server, 'reboot-soft', actor).allowed;
  const hardAllowed = availability(server, 'reboot-hard', actor).allowed;
  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.reboot.title', { name: server.name })}
      request={(type === 'SOFT' ? softAllowed : hardAllowed) ? serverRequests.reboot(server.id, type) : null}
      submitLabel={t('server-detail.reboot.submit')}
    >
      <Radio.Group value={type} onChange={(value) => setType(value as 'SOFT' | 'HARD')} label={t('server-detail.reboot.type')}>
        <Stack gap="xs" mt="xs">
          <Radio value="SOFT" label={t('server-detail.reboot.soft')} description={t('server-detail.reboot.softHint')} disabled={!softAllowed} />
          <Radio value="HARD" label={t('server-detail.reboot.hard')} description={t('server-detail.reboot.hardHint')} disabled={!hardAllowed} />
        </Stack>
      </Radio.Group>
    </ActionDialog>
  );
}

/** Stop (5.8): soft by default (Nova's null body), or forced with the spec's `{type: HARD}`. */
export function StopDialog({ server, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [hard, setHard] = useState(false);
  useEffect(() => {
    if (opened) setHard(false);
  }, [opened]);
  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.stop.title', { name: server.name })}
      request={serverRequests.stop(server.id, hard ? 'HARD' : undefined)}
      submitLabel={t('server-detail.stop.submit')}
    >
      <Radio.Group value={hard ? 'HARD' : 'SOFT'} onChange={(value) => setHard(value === 'HARD')} label={t('server-detail.stop.type')}>
        <Stack gap="xs" mt="xs">
          <Radio value="SOFT" label={t('server-detail.stop.soft')} description={t('server-detail.stop.softHint')} />
          <Radio value="HARD" label={t('server-detail.stop.hard')} description={t('server-detail.stop.hardHint')} />
        </Stack>
      </Radio.Group>
    </ActionDialog>
  );
}

type SimpleKind = 'start' | 'lock' | 'unlock' | 'confirmResize' | 'revertResize';

/** Actions without options: a sentence saying what happens, the request, and go. */
export function SimpleActionDialog({ server, opened, onClose, kind }: Omit<DialogProps, 'actor'> & { kind: SimpleKind }) {
  const { t } = useTranslation();
  const request = serverRequests[kind](server.id);
  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t(`server-detail.${kind}.title`, { name: server.name })}
      request={request}
      submitLabel={t(`server-detail.${kind}.submit`)}
      danger={kind === 'revertResize'}
    >
      <Text size="sm">{t(`server-detail.${kind}.message`, { name: server.name })}</Text>
    </ActionDialog>
  );
}
