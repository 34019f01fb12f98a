import type { ReactNode } from 'react';
import { Anchor, Group, Stack, TextInput, type MantineSize } from '@mantine/core';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { ListPagination } from './list-pagination';
import { QueryState, type QueryLike } from './query-state';
import { PAGE_SIZE } from '../lib/list-params';

/** The free-text filter of a list page (name, id, description…), kept in the URL by the caller. */
export function ListSearch({
  value,
  onChange,
  placeholder,
  width = 280,
}: {
  value: string;
  onChange: (value: string) => void;
  /** What the search matches, when more than name and id. */
  placeholder?: string;
  width?: number | MantineSize;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('ui.list.search')}
      placeholder={placeholder ?? t('ui.list.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={width}
    />
  );
}

interface ListBodyProps {
  /** The list's query: its error replaces the table only while nothing was ever loaded. */
  query: QueryLike<unknown>;
  /** Rows after filtering (all pages), and the page shown. */
  pagination: { total: number; page: number; pages: number; onChange: (page: number) => void };
  /** The table. */
  children: ReactNode;
}

/** A list page's table and its pages, or the error that kept it from loading (with Retry). */
export function ListBody({ query, pagination, children }: ListBodyProps) {
  if (query.error && query.data === undefined) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }
  return (
    <>
      {children}
      <ListPagination {...pagination} pageSize={PAGE_SIZE} />
    </>
  );
}

/** "← Back to volumes" above a resource's page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {children}
      </Group>
    </Anchor>
  );
}

/** A resource's page: the way back to its list, then the resource once its query has loaded. */
export function DetailPage<T>({ back, backLabel, query, children }: { back: string; backLabel: string; query: QueryLike<T>; children: (data: T) => ReactNode }) {
  return (
    <Stack gap="md">
      <BackLink to={back}>{backLabel}</BackLink>
      <QueryState query={query}>{children}</QueryState>
    </Stack>
  );
}
