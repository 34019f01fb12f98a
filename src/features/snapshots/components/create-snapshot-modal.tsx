import { Alert, Checkbox, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateSnapshot } from '../mutations';
import { snapshotDescriptionProblem, snapshotNameProblem, type Snapshot } from '../schemas';

/** The volume a snapshot is taken of, as this dialog needs it. */
export interface SnapshotSource {
  id: string;
  name: string;
  status: string;
}

interface CreateSnapshotModalProps {
  /** The volume; null when closed. */
  volume: SnapshotSource | null;
  onClose: () => void;
  onCreated?: (snapshot: Snapshot) => void;
}

/**
 * Create Snapshot (20.1): the name may not start with `autobk_snapshot`; an in-use volume
 * needs `force`, which the user must tick knowingly.
 */
export function CreateSnapshotModal({ volume, onClose, onCreated }: CreateSnapshotModalProps) {
  const { t } = useTranslation();
  const create = useCreateSnapshot();
  const inUse = volume?.status === 'in-use';
  const form = useForm({
    initialValues: { name: '', description: '', force: false },
    validate: {
      name: (value) => snapshotNameProblem(value.trim()),
      description: snapshotDescriptionProblem,
      force: (value) => (inUse && !value ? 'snapshots.validation.forceRequired' : null),
    },
    enhanceGetInputProps: translateInputErrors(t),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!volume) return;
    create.mutate(
      {
        volume_id: volume.id,
        ...(values.name.trim() ? { display_name: values.name.trim() } : {}),
        ...(values.description.trim() ? { display_description: values.description.trim() } : {}),
        ...(inUse ? { force: values.force } : {}),
      },
      {
        onSuccess: (snapshot) => {
          close();
          onCreated?.(snapshot);
        },
      },
    );
  });
  const available = volume && ['available', 'in-use'].includes(volume.status);
  return (
    <Modal opened={Boolean(volume)} onClose={close} title={t('snapshots.create.title', { name: volume?.name || volume?.id || '' })} size="lg">
      {volume && (
        <form onSubmit={submit} noValidate>
          <Stack>
            {!available && (
              <Alert color="yellow" icon={<IconInfoCircle />}>
                {t('snapshots.create.wrongStatus', { status: volume.status })}
              </Alert>
            )}
            <TextInput
              label={t('snapshots.fields.name')}
              description={t('snapshots.create.nameRule')}
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <Textarea label={t('snapshots.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
            {inUse && (
              <Stack gap={4}>
                <Text size="sm">{t('snapshots.create.inUse')}</Text>
                <Checkbox label={t('snapshots.create.force')} {...form.getInputProps('force', { type: 'checkbox' })} />
              </Stack>
            )}
            <FormFooter error={create.error} pending={create.isPending} submitLabel={t('snapshots.create.submit')} onCancel={close} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
