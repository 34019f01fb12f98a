import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComputeTarget } from '../../../lib/compute';
import { listServers, type ServerListFilters } from '../api';
import { anyTransitional } from '../lifecycle';
import { changesParams, mergeServerChanges } from './live-merge';
import { useServersChangedInOtherTabs } from '../mutations';
import { serverQueries, TRANSITIONAL_POLL_MS, type ServerListPage } from '../queries';

export interface LiveServers {
  page: ReturnType<typeof useQuery<ServerListPage>>;
  /** Some server on the page is between states, so the page is being refreshed. */
  live: boolean;
  /** When the rows were last brought up to date (full load or incremental refresh). */
  updatedAt: number;
}

/**
 * One page of servers that stays current without waste: while a server on it is between
 * states (and the user has not paused, and the tab is visible — TanStack's refetchInterval
 * stops in background tabs), it asks only for the servers changed since the newest
 * `updated` it saw (`changes-since`) and lays them over the page.
 */
export function useLiveServers(target: ComputeTarget, filters: ServerListFilters, paused: boolean): LiveServers {
  const queryClient = useQueryClient();
  useServersChangedInOtherTabs();
  const options = serverQueries.list(target, filters);
  const page = useQuery({ ...options, placeholderData: keepPreviousData });
  const data = page.isPlaceholderData ? undefined : page.data;
  const live = !paused && anyTransitional(data?.servers);

  const changes = useQuery({
    queryKey: [...options.queryKey, 'changes'] as const,
    queryFn: async ({ signal }) => {
      const current = queryClient.getQueryData<ServerListPage>(options.queryKey);
      if (!current?.cursor) return Date.now();
      const { servers } = await listServers(target, changesParams(filters, current.cursor), signal);
      queryClient.setQueryData<ServerListPage>(options.queryKey, (latest) =>
        latest ? mergeServerChanges(latest, servers, filters) : latest,
      );
      return Date.now();
    },
    enabled: live && Boolean(data?.cursor),
    // the page was just loaded: the first incremental refresh waits one interval
    initialData: () => Date.now(),
    staleTime: TRANSITIONAL_POLL_MS - 100,
    refetchInterval: live ? TRANSITIONAL_POLL_MS : false,
    refetchIntervalInBackground: false,
    // errors of a background refresh are notified by the query cache; the page keeps its rows
    retry: false,
  });

  return { page, live, updatedAt: Math.max(page.dataUpdatedAt, changes.dataUpdatedAt) };
}
