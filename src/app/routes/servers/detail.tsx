import { Alert, Button, EmptyState } from '@mantine/core';
import { IconServerOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DefaultSkeleton } from '../../../components/query-state';
import { ErrorAlert } from '../../../components/error-alert';
import { limitsQueries } from '../../../features/limits/queries';
import { isServerTab, ServerDetailView, type ServerTab } from '../../../features/servers/detail/server-detail-view';
import { useServersChangedInOtherTabs } from '../../../features/servers/mutations';
import { serverQueries } from '../../../features/servers/queries';
import { sessionQueries } from '../../../features/session/queries';
import { useCompute } from '../../../lib/compute';
import { isApiError } from '../../../lib/errors';

function Gone({ seen }: { seen: boolean }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconServerOff />}
      withIndicatorBackground
      title={seen ? t('server-detail.gone.deleted') : t('server-detail.gone.notFound')}
      description={seen ? t('server-detail.gone.deletedHint') : t('server-detail.gone.notFoundHint')}
      py="xl"
    >
      <EmptyState.Actions>
        <Button component={Link} to="/servers" variant="light">
          {t('server-detail.gone.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/**
 * `/servers/:serverId/:tab?`: one server, its tab in the URL. Composes the servers feature
 * with the session (admin or member) and the project's limits (metadata items).
 */
export function ServerDetailPage() {
  const { t } = useTranslation();
  const { serverId = '', '*': rest = '' } = useParams();
  const navigate = useNavigate();
  const compute = useCompute();
  const isAdmin = useQuery(sessionQueries.current()).data?.isAdmin ?? false;
  const limits = useQuery(limitsQueries.absolute(compute));
  // the other tabs' writes refresh this page at once
  useServersChangedInOtherTabs();
  // a 404 after a delete is the expected end, not an error to notify
  const detail = useQuery({ ...serverQueries.detail(compute, serverId), meta: { errorNotification: 'never' } });

  const segment = rest.split('/')[0] || 'overview';
  if (!isServerTab(segment)) return <Navigate to={`/servers/${encodeURIComponent(serverId)}`} replace />;
  const tab: ServerTab = segment;
  const goTo = (next: ServerTab) =>
    navigate(next === 'overview' ? `/servers/${encodeURIComponent(serverId)}` : `/servers/${encodeURIComponent(serverId)}/${next}`);

  if (isApiError(detail.error) && detail.error.status === 404) return <Gone seen={detail.data !== undefined} />;
  if (!detail.data) {
    return detail.error ? (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isRefetching} />
    ) : (
      <DefaultSkeleton lines={8} />
    );
  }
  return (
    <>
      {detail.error && (
        <Alert color="orange" mb="md" title={t('server-detail.stale')}>
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isRefetching} />
        </Alert>
      )}
      <ServerDetailView
        server={detail.data}
        actor={{ isAdmin }}
        tab={tab}
        onTabChange={goTo}
        maxServerMeta={limits.data?.maxServerMeta}
      />
    </>
  );
}
