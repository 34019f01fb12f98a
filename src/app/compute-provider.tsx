import { useMemo, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DefaultSkeleton, QueryState } from '../components/query-state';
import { sessionQueries } from '../features/session/queries';
import { discoveryFromSession } from '../features/versions/api';
import { versionQueries } from '../features/versions/queries';
import { ComputeContext, type ComputeTarget } from '../lib/compute';
import { computeTargetOf } from './compute-target';
import { CLIENT_MAX_MICROVERSION } from '../lib/microversion';

/**
 * Joins the session (which project) and the endpoint's versions (which microversion) into
 * the ComputeTarget every compute call needs; pages below can call useCompute(). The versions
 * come with the session (the gateway discovers and caches them), so the page's first compute
 * request goes out at once; only when the gateway had none does the page discover them itself.
 */
export function ComputeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useQuery(sessionQueries.current());
  const handed = useMemo(() => discoveryFromSession(session.data?.compute), [session.data?.compute]);
  const discovery = useQuery({ ...versionQueries.discovery(), enabled: session.isSuccess && !handed });
  const projectId = session.data?.project.id;
  const found = handed ?? discovery.data;

  const target = useMemo<ComputeTarget | null>(() => (projectId && found ? computeTargetOf(projectId, found) : null), [projectId, found]);

  if (!target || !found) {
    return (
      <QueryState query={discovery} skeleton={<DefaultSkeleton lines={6} />}>
        {() => <DefaultSkeleton lines={6} />}
      </QueryState>
    );
  }

  return (
    <ComputeContext.Provider value={target}>
      <Stack gap="md">
        {found.incompatible && (
          <Alert color="orange" icon={<IconInfoCircle />} title={t('compute.incompatibleTitle')}>
            {t('compute.incompatible', { min: found.current?.min_version, clientMax: CLIENT_MAX_MICROVERSION })}
          </Alert>
        )}
        {!found.current && (
          <Alert color="gray" icon={<IconInfoCircle />} title={t('compute.legacyOnlyTitle')}>
            {t('compute.legacyOnly')}
          </Alert>
        )}
        {children}
      </Stack>
    </ComputeContext.Provider>
  );
}
