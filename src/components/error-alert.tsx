import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorKind } from '../lib/errors';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** Messages replacing the generic templates when the cloud sent none. */
  messages?: Partial<Record<ErrorKind, string>>;
}

/** The inline form of an API error: cloud message, request id, and a retry. */
export function ErrorAlert({ error, onRetry, retrying, messages }: ErrorAlertProps) {
  const { t } = useTranslation();
  const { title, message, requestId } = describeError(error, t, messages);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId')} <Code>{requestId}</Code>
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
