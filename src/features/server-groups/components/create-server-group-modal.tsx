import { Alert, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateServerGroup } from '../mutations';
import { SERVER_GROUP_POLICIES, serverGroupNameProblem, type ServerGroup, type ServerGroupPolicy } from '../schemas';

interface CreateServerGroupModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated?: (group: ServerGroup) => void;
}

/** Create Server Group (8.1) with its policy. */
export function CreateServerGroupModal({ opened, onClose, onCreated }: CreateServerGroupModalProps) {
  const { t } = useTranslation();
  const create = useCreateServerGroup();
  const form = useForm({
    initialValues: { name: '', policy: 'anti-affinity' as ServerGroupPolicy },
    validate: { name: serverGroupNameProblem },
    enhanceGetInputProps: translateInputErrors(t),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), policy: values.policy },
      {
        onSuccess: (group) => {
          close();
          onCreated?.(group);
        },
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={t('serverGroups.create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('serverGroups.fields.name')}
            description={t('serverGroups.create.nameRule')}
            required
            data-autofocus
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <Radio.Group label={t('serverGroups.fields.policy')} required {...form.getInputProps('policy')}>
            <Stack gap="sm" mt="xs">
              {SERVER_GROUP_POLICIES.map((policy) => (
                <Radio
                  key={policy}
                  value={policy}
                  label={t(`serverGroups.policies.${policy}`)}
                  description={t(`serverGroups.policyHelp.${policy}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.policy === 'affinity' && (
            <Alert color="yellow" icon={<IconInfoCircle />} title={t('serverGroups.create.affinityNoteTitle')}>
              <Text size="sm">{t('serverGroups.create.affinityNote')}</Text>
            </Alert>
          )}
          <FormFooter error={create.error} pending={create.isPending} submitLabel={t('serverGroups.create.submit')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
