import type { ReactNode } from 'react';
import { EmptyState, Skeleton, Stack } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/** The part of a TanStack query result QueryState reads. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isRefetching?: boolean;
  refetch: () => unknown;
}

export interface EmptyContent {
  title: ReactNode;
  /** Say what to do: "Create a key pair to log in to new servers." */
  description?: ReactNode;
  action?: ReactNode;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  /** Shown while the first load runs; defaults to a few skeleton lines. */
  skeleton?: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: EmptyContent;
}

export function DefaultSkeleton({ lines = 4 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

export function EmptyContentView({ title, description, action }: EmptyContent) {
  return (
    <EmptyState icon={<IconInbox />} title={title} description={description} py="xl" withIndicatorBackground>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/**
 * Loading, error and empty states of one query, so pages only write the happy path.
 * Once data exists it stays on screen; later failures are notified, not shown here.
 */
export function QueryState<T>({ query, children, skeleton, isEmpty, empty }: QueryStateProps<T>) {
  if (query.data === undefined) {
    if (query.error) {
      return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
    }
    return <>{skeleton ?? <DefaultSkeleton />}</>;
  }
  if (empty && isEmpty?.(query.data)) return <EmptyContentView {...empty} />;
  return <>{children(query.data)}</>;
}
