import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateSecurityGroup, useUpdateSecurityGroup } from '../mutations';
import { groupFieldProblems } from '../rule-validation';
import { DEFAULT_GROUP, type SecurityGroup } from '../schemas';

interface GroupFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The group to rename and describe; absent to create one. */
  group?: SecurityGroup;
  onSaved?: (group: SecurityGroup) => void;
}

/** Create Security Group (22.2), or rename and describe one (22.4) — never `default`. */
export function GroupFormModal({ opened, onClose, group, onSaved }: GroupFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateSecurityGroup();
  const update = useUpdateSecurityGroup();
  const mutation = group ? update : create;
  const isDefault = group?.name === DEFAULT_GROUP;
  const form = useForm({
    initialValues: { name: group?.name ?? '', description: group?.description ?? '' },
    validate: (values) => groupFieldProblems(values, group),
    enhanceGetInputProps: translateInputErrors(t),
  });
  const close = () => {
    create.reset();
    update.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const fields = { name: values.name.trim(), description: values.description };
    const done = (saved: SecurityGroup) => {
      close();
      onSaved?.(saved);
    };
    if (group) update.mutate({ id: group.id, fields }, { onSuccess: done });
    else create.mutate(fields, { onSuccess: done });
  });
  return (
    <Modal opened={opened} onClose={close} title={group ? t('securityGroups.edit.title', { name: group.name }) : t('securityGroups.create.title')} size="lg">
      {isDefault ? (
        <Stack>
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('securityGroups.edit.defaultRefused')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('ui.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t('securityGroups.fields.name')} description={t('securityGroups.create.nameRule')} required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
            <Textarea label={t('securityGroups.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
            <FormFooter error={mutation.error} pending={mutation.isPending} submitLabel={group ? t('securityGroups.edit.submit') : t('securityGroups.create.submit')} onCancel={close} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
