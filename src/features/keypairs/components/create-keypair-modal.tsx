import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../../components/confirm';
import { FormFooter } from '../../../components/form-footer';
import { useCompute } from '../../../lib/compute';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateKeypair } from '../mutations';
import type { CreatedKeypair } from '../schemas';
import { formRule, keypairNameProblem } from '../../../lib/validation';
import { KeypairNameInput } from './keypair-name-input';
import { PrivateKeyNotice } from './private-key-notice';

interface CreateKeypairModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Add Keypair (14.3) without a public key: the cloud generates the pair. */
export function CreateKeypairModal({ opened, onClose }: CreateKeypairModalProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const create = useCreateKeypair();
  const [created, setCreated] = useState<CreatedKeypair | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: formRule((value: string) => keypairNameProblem(value.trim())) },
    enhanceGetInputProps: translateInputErrors(t),
  });

  const close = () => {
    setCreated(null);
    create.reset();
    form.reset();
    onClose();
  };

  const requestClose = async (downloaded = false) => {
    if (created?.private_key && !downloaded) {
      const leave = await confirm({
        title: t('keypairs.privateKey.leaveTitle'),
        message: t('keypairs.privateKey.leaveMessage'),
        confirmLabel: t('keypairs.privateKey.leave'),
        danger: true,
      });
      if (!leave) return;
    }
    close();
  };

  const submit = form.onSubmit(({ name }) =>
    create.mutate(
      { name: name.trim(), ...(compute.supports('keypair-type') ? { type: 'ssh' as const } : {}) },
      {
        onSuccess: (keypair) => {
          // keep the key in this dialog only, not in the query cache
          setCreated(keypair);
          create.reset();
        },
      },
    ),
  );

  return (
    <Modal
      opened={opened}
      onClose={() => void requestClose()}
      title={created ? t('keypairs.create.createdTitle', { name: created.name }) : t('keypairs.create.title')}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        created.private_key ? (
          <PrivateKeyNotice
            name={created.name}
            fingerprint={created.fingerprint}
            privateKey={created.private_key}
            onDone={(downloaded) => void requestClose(downloaded)}
          />
        ) : (
          <Stack>
            <Alert color="teal">{t('keypairs.create.noPrivateKey')}</Alert>
            <Group justify="flex-end">
              <Button onClick={close}>{t('keypairs.privateKey.done')}</Button>
            </Group>
          </Stack>
        )
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('keypairs.create.explain')}
            </Text>
            <KeypairNameInput {...form.getInputProps('name')} />
            <FormFooter error={create.error} pending={create.isPending} submitLabel={t('keypairs.create.submit')} onCancel={close} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
