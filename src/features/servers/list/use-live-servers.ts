import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComputeTarget } from '../../../lib/compute';
import { listServers, type ServerListFilters } from '../api';
import { anyBusy } from '../follow';
import { useServersChangedInOtherTabs } from '../mutations';
import { newest, serverQueries, type ServerListPage } from '../queries';
import { changesParams, mergeServerChanges } from './live-merge';
import { freshnessOf, pollInterval, type Freshness, type PollState } from './live-poll';

export interface LiveServers {
  page: ReturnType<typeof useQuery<ServerListPage>>;
  /** What the page may say about its rows (live-poll.ts). */
  freshness: Freshness;
  /** When the rows were last known to be the cloud's. */
  updatedAt: number;
  /** The last poll's failure, while polls fail. */
  pollError: unknown;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'CanceledError');
}

/**
 * One page of servers that stays the cloud's while the tab is visible: it always asks for the
 * servers changed since the newest `updated` it saw (`changes-since`, others' changes and
 * deletions included) and lays them over the page — every 2 s while a row moves or was just
 * written (follow.ts), every 10 s otherwise, slower after failures (live-poll.ts). Nothing is
 * asked while the tab is hidden (TanStack stops intervals in background tabs) or paused; a
 * visible tab asks at once on its return. A server of another page, a new one, or one that
 * came into the filters makes the page read again: only the cloud knows where it goes.
 */
export function useLiveServers(target: ComputeTarget, filters: ServerListFilters, paused: boolean, now: number): LiveServers {
  const queryClient = useQueryClient();
  useServersChangedInOtherTabs();
  const options = serverQueries.list(target, filters);
  // the poll below answers a return to the tab; the page itself is read again only when needed
  const page = useQuery({ ...options, placeholderData: keepPreviousData, refetchOnWindowFocus: false });
  const data = page.isPlaceholderData ? undefined : page.data;
  const busy = anyBusy(data?.servers, now);

  const pollKey = [...options.queryKey, 'changes'] as const;
  const poll = useQuery({
    queryKey: pollKey,
    queryFn: async ({ signal }): Promise<PollState> => {
      const before = queryClient.getQueryData<PollState>(pollKey);
      try {
        const current = queryClient.getQueryData<ServerListPage>(options.queryKey);
        if (!current?.cursor) {
          // nothing to ask changes of (an empty page): read the page again
          await queryClient.fetchQuery({ ...options, staleTime: 0 });
        } else {
          const { servers } = await listServers(target, changesParams(filters, current.cursor), signal);
          const latest = queryClient.getQueryData<ServerListPage>(options.queryKey) ?? current;
          const merged = mergeServerChanges(latest, servers, filters);
          queryClient.setQueryData<ServerListPage>(options.queryKey, merged.page);
          if (merged.reload) {
            const fresh = await queryClient.fetchQuery({ ...options, staleTime: 0 });
            // keep what the changes taught: the newest time seen and the other pages' changes
            const cursor = newest(fresh.cursor, merged.page.cursor);
            queryClient.setQueryData<ServerListPage>(options.queryKey, { ...fresh, cursor, offPage: merged.page.offPage });
          }
        }
        return { okAt: Date.now(), failures: 0, error: null };
      } catch (error) {
        if (isAbort(error, signal)) throw error;
        // a failed poll is a state of the page (shown by the indicator), not an exception
        return { okAt: before?.okAt ?? 0, failures: (before?.failures ?? 0) + 1, error };
      }
    },
    enabled: !paused && Boolean(data),
    // the page was just loaded: the first poll waits one interval
    initialData: (): PollState => ({ okAt: Date.now(), failures: 0, error: null }),
    staleTime: (query) => pollInterval(busy, query.state.data?.failures ?? 0) - 100,
    refetchInterval: (query) => pollInterval(busy, query.state.data?.failures ?? 0),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });

  const state: PollState = poll.data;
  const okAt = Math.max(page.dataUpdatedAt, state.okAt);
  return {
    page,
    freshness: freshnessOf({ paused, busy, poll: { ...state, okAt }, now }),
    updatedAt: okAt,
    pollError: state.failures > 0 ? state.error : null,
  };
}
