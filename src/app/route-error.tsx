import { Anchor, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { isApiError } from '../lib/errors';

/** errorElement of each route branch: what failed, a retry, and a way back. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const revalidator = useRevalidator();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Center p="xl">
        <Stack align="center" gap="sm">
          <Title order={1} size="h2">{t('notFound.title')}</Title>
          <Text c="dimmed">{t('notFound.description')}</Text>
          <Anchor component={Link} to="/">
            {t('notFound.home')}
          </Anchor>
        </Stack>
      </Center>
    );
  }

  // an API failure can be retried in place; anything else (a chunk that failed to load
  // after a deployment, a bug) needs the page reloaded
  const retry = isApiError(error) ? () => void revalidator.revalidate() : () => window.location.reload();
  return (
    <Stack p="md" maw={720}>
      <Title order={1} size="h3">{t('routeError.title')}</Title>
      <ErrorAlert error={error} onRetry={retry} retrying={revalidator.state === 'loading'} />
      <Group>
        <Button component={Link} to="/" variant="subtle">
          {t('notFound.home')}
        </Button>
      </Group>
    </Stack>
  );
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" role="status" aria-busy="true">
      <Text c="dimmed">{t('common.loading')}</Text>
    </Center>
  );
}
