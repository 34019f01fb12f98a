import { Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError, isApiError } from './errors';
import { i18n } from './i18n';

/** Raises the notification for a failed query or mutation: the cloud's message and request id. */
export function notifyError(error: unknown): void {
  const t = i18n.t.bind(i18n);
  const { title, message, requestId } = describeError(error, t);
  notifications.show({
    // one notification per failing call, not one per retry or per component
    id: isApiError(error) ? `error:${error.status}:${error.method}:${error.url}:${error.code}` : undefined,
    color: 'red',
    title,
    autoClose: 10_000,
    message: (
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            {t('errors.requestId')} <Code>{requestId}</Code>
          </Text>
        )}
      </Stack>
    ),
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4_000 });
}
