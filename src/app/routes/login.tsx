import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconClockExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { LanguageButtons } from '../../components/language-buttons';
import { QueryState } from '../../components/query-state';
import { LoginForm } from '../../features/session/components/login-form';
import { endpointLabel } from '../../features/session/endpoint-label';
import { safeNextPath } from '../../features/session/next-path';
import { sessionQueries } from '../../features/session/queries';
import classes from './login.module.css';

/** The login page; after login the user lands on `next` (the page where the session ended). */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const expired = params.get('reason') === 'expired';
  const config = useQuery(sessionQueries.config());
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);

  return (
    <Center mih="100vh" p="md" className={classes.page}>
      <Paper withBorder shadow="md" p="xl" radius="md" w="100%" maw={420} component="main">
        <Stack>
          <Group justify="space-between" wrap="nowrap">
            <LanguageButtons />
            <ColorSchemeToggle />
          </Group>
          <Stack gap={0}>
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </Stack>
          {expired && (
            <Alert color="yellow" icon={<IconClockExclamation />} title={t('login.expiredTitle')}>
              {t('login.expired')}
            </Alert>
          )}
          <QueryState query={config}>
            {(gateway) =>
              gateway.mode === 'token' ? (
                <Stack>
                  <Alert color="blue">{t('login.tokenMode')}</Alert>
                  <Button component={Link} to={next}>
                    {t('login.continue')}
                  </Button>
                </Stack>
              ) : (
                <>
                  {(gateway.region || gateway.endpointName) && (
                    <Text size="xs" c="dimmed">
                      {t('login.endpoint', {
                        endpoint: endpointLabel(gateway.region, gateway.endpointName, t),
                      })}
                    </Text>
                  )}
                  <LoginForm defaultDomain={gateway.domain} onLoggedIn={() => void navigate(next, { replace: true })} />
                </>
              )
            }
          </QueryState>
        </Stack>
      </Paper>
    </Center>
  );
}
