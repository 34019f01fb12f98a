import { useEffect, useState } from 'react';
import { Alert, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { volumeQueries } from '../../../volumes/queries';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';

interface DeleteServerDialogProps {
  server: Server;
  opened: boolean;
  onClose: () => void;
}

/** Delete Server (4.7): irreversible, so the user types the server's name to enable it. */
export function DeleteServerDialog({ server, opened, onClose }: DeleteServerDialogProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (opened) setTyped('');
  }, [opened]);
  const volumes = server['os-extended-volumes:volumes_attached'] ?? [];
  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.delete.title', { name: server.name })}
      request={typed === server.name ? serverRequests.delete(server.id) : null}
      submitLabel={t('server-detail.delete.submit')}
      danger
      alsoInvalidate={[volumeQueries.all()]}
    >
      <Alert color="red" variant="light">
        <Text size="sm">{t('server-detail.delete.message', { name: server.name })}</Text>
        {volumes.length > 0 && (
          <Text size="sm" mt="xs">
            {t('server-detail.delete.volumes', { count: volumes.length })}
          </Text>
        )}
      </Alert>
      <TextInput
        label={t('confirm.typeToConfirm', { name: server.name })}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
    </ActionDialog>
  );
}
