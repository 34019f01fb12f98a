import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { translateInputErrors } from '../../../lib/form-errors';
import { useAttachVolume } from '../mutations';
import { deviceProblem, formRule } from '../../../lib/validation';
import { attachProblem, type AttachTarget } from '../rules';
import type { Volume } from '../schemas';

interface AttachVolumeModalProps {
  /** The volume to attach; null when closed. */
  volume: Volume | null;
  /** The project's servers; those the spec does not allow are listed, disabled, with the reason. */
  servers: AttachTarget[] | undefined;
  onClose: () => void;
}

/** Attach Volume (12.1) from the volume's side: pick a server of the same zone, optionally a device. */
export function AttachVolumeModal({ volume, servers, onClose }: AttachVolumeModalProps) {
  const { t } = useTranslation();
  const attach = useAttachVolume();
  const form = useForm({
    initialValues: { serverId: null as string | null, device: '' },
    validate: {
      serverId: (value) => (value ? null : 'volumes.attach.serverRequired'),
      device: formRule((value: string) => deviceProblem(value.trim())),
    },
    enhanceGetInputProps: translateInputErrors(t),
  });
  const close = () => {
    attach.reset();
    form.reset();
    onClose();
  };
  const options = (servers ?? []).map((server) => {
    const problem = volume ? attachProblem(volume, server) : null;
    return {
      value: server.id,
      label: problem ? `${server.name} — ${t(problem, { zone: server.zone ?? '' })}` : `${server.name} (${server.zone ?? '–'})`,
      disabled: Boolean(problem),
    };
  });
  const usable = options.filter((o) => !o.disabled).length;

  const submit = form.onSubmit((values) => {
    if (!volume || !values.serverId) return;
    attach.mutate({ serverId: values.serverId, volumeId: volume.id, device: values.device.trim() || undefined }, { onSuccess: close });
  });

  return (
    <Modal opened={Boolean(volume)} onClose={close} title={t('volumes.attach.title', { name: volume?.name || volume?.id || '' })} size="lg">
      {volume && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('volumes.attach.explain', { zone: volume.availabilityZone || '–' })}
            </Text>
            {servers && usable === 0 && (
              <Alert color="yellow" icon={<IconInfoCircle />}>
                {t('volumes.attach.noServer', { zone: volume.availabilityZone || '–' })}
              </Alert>
            )}
            <Select
              label={t('volumes.attach.server')}
              placeholder={servers ? t('volumes.attach.serverPlaceholder') : t('common.loading')}
              data={options}
              searchable
              required
              nothingFoundMessage={t('volumes.attach.noServerFound')}
              {...form.getInputProps('serverId')}
            />
            <TextInput
              label={t('volumes.attach.device')}
              description={t('volumes.attach.deviceHint')}
              placeholder="/dev/vdb"
              autoComplete="off"
              {...form.getInputProps('device')}
            />
            <FormFooter error={attach.error} pending={attach.isPending} submitLabel={t('volumes.attach.submit')} onCancel={close} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
