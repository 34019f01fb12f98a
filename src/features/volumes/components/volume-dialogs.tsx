import { Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import { volumeDeleteRefusal } from '../rules';
import type { Volume } from '../schemas';

/** Says why spec 19.5 forbids deleting this volume now, and what to do first. */
function explainRefusal(volume: Volume, reason: string, t: TFunction): Promise<void> {
  return new Promise((resolve) => {
    const id = modals.open({
      title: t('volumes.delete.refusedTitle', { name: volume.name || volume.id }),
      onClose: () => resolve(),
      children: (
        <Stack>
          <Text size="sm" role="alert">
            {t(`volumes.delete.refused.${reason}`, { status: t(`status.${volume.status.toUpperCase().replace(/-/g, '_')}`, { defaultValue: volume.status }) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('volumes.delete.rule')}
          </Text>
          <Group justify="flex-end">
            <Button
              onClick={() => {
                modals.close(id);
                resolve();
              }}
            >
              {t('ui.close')}
            </Button>
          </Group>
        </Stack>
      ),
    });
  });
}

/**
 * Delete Volume (19.5): a volume the spec does not let go (attached, with snapshots, in
 * another status) gets the reason instead of the request; otherwise the user confirms.
 */
export async function deleteVolumeWithChecks(
  volume: Volume,
  snapshotCount: number,
  t: TFunction,
  remove: (id: string) => Promise<unknown>,
): Promise<boolean> {
  const refusal = volumeDeleteRefusal(volume, snapshotCount);
  if (refusal) {
    await explainRefusal(volume, refusal, t);
    return false;
  }
  const ok = await confirm({
    title: t('volumes.delete.title', { name: volume.name || volume.id }),
    message: t('volumes.delete.message', { size: volume.size }),
    confirmLabel: t('volumes.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(volume.id);
  return true;
}

/** Detach Volume (12.2) after a confirmation naming the server. */
export async function confirmDetach(
  volume: Volume,
  server: { id: string; name: string },
  t: TFunction,
  detach: (request: { serverId: string; volumeId: string }) => Promise<unknown>,
): Promise<boolean> {
  const ok = await confirm({
    title: t('volumes.detach.title', { name: volume.name || volume.id }),
    message: t('volumes.detach.message', { server: server.name }),
    confirmLabel: t('volumes.detach.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await detach({ serverId: server.id, volumeId: volume.id });
  return true;
}
