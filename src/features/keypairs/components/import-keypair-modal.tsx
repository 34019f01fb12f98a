import { Button, FileButton, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { useCompute } from '../../../lib/compute';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateKeypair } from '../mutations';
import type { KeypairType } from '../schemas';
import { formRule, keypairNameProblem } from '../../../lib/validation';
import { publicKeyProblem, suggestedKeypairName } from '../validation';
import { KeypairNameInput } from './keypair-name-input';

interface ImportKeypairModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A public key file is a few hundred bytes; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 16 * 1024;

/** Add Keypair (14.3) with the user's own public key, pasted or read from a file. */
export function ImportKeypairModal({ opened, onClose }: ImportKeypairModalProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const typed = compute.supports('keypair-type');
  const create = useCreateKeypair();
  const form = useForm({
    initialValues: { name: '', publicKey: '', type: 'ssh' as KeypairType },
    validate: {
      name: formRule((value: string) => keypairNameProblem(value.trim())),
      publicKey: (value, values) => publicKeyProblem(value, { allowX509: typed && values.type === 'x509' }),
    },
    enhanceGetInputProps: translateInputErrors(t),
  });

  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      form.setFieldError('publicKey', 'keypairs.validation.fileTooLarge');
      return;
    }
    const text = (await file.text()).trim();
    form.setFieldValue('publicKey', text);
    if (text.startsWith('-----BEGIN CERTIFICATE-----') && typed) form.setFieldValue('type', 'x509');
    if (!form.values.name) form.setFieldValue('name', suggestedKeypairName(text, file.name));
    form.validateField('publicKey');
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), public_key: values.publicKey.trim(), ...(typed ? { type: values.type } : {}) },
      { onSuccess: close },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('keypairs.import.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('keypairs.import.explain')}
          </Text>
          <KeypairNameInput {...form.getInputProps('name')} />
          {typed && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('keypairs.fields.type')}
              </Text>
              <SegmentedControl
                aria-label={t('keypairs.fields.type')}
                data={[
                  { value: 'ssh', label: t('keypairs.types.ssh') },
                  { value: 'x509', label: t('keypairs.types.x509') },
                ]}
                {...form.getInputProps('type')}
              />
            </Stack>
          )}
          <Textarea
            label={t('keypairs.fields.publicKey')}
            description={t('keypairs.import.keyHint')}
            required
            autosize
            minRows={4}
            maxRows={10}
            spellCheck={false}
            ff="monospace"
            {...form.getInputProps('publicKey')}
          />
          <Group>
            <FileButton onChange={(file) => void readFile(file)} accept=".pub,.pem,.crt,text/plain">
              {(props) => (
                <Button variant="light" leftSection={<IconFileUpload size={16} />} {...props}>
                  {t('keypairs.import.fromFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          <FormFooter error={create.error} pending={create.isPending} submitLabel={t('keypairs.import.submit')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
