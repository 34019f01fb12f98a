import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

interface FormFooterProps {
  /** The mutation's error: the cloud's message and request id, above the buttons. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** The end of a dialog's form: what the cloud refused, then Cancel and the submit button. */
export function FormFooter({ error, pending, submitLabel, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {Boolean(error) && <ErrorAlert error={error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
