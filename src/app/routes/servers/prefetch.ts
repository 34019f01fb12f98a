import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { listStateFor, toApiFilters } from '../../../features/servers/list/list-url';
import { serverQueries } from '../../../features/servers/queries';
import { sessionQueries } from '../../../features/session/queries';
import { targetFromSession } from '../../compute-target';

/**
 * The servers area's loader: starts the page's own read (the list as the URL asks it, or the
 * server of a detail page) as soon as the session is known, while the page's code is still
 * loading, instead of after the page has rendered. The page's query then finds it in flight.
 */
export async function prefetchServers(queryClient: QueryClient, { request, params }: LoaderFunctionArgs): Promise<null> {
  const session = await queryClient.ensureQueryData(sessionQueries.current());
  const target = targetFromSession(session);
  if (!target) return null;
  const [first] = (params['*'] ?? '').split('/');
  if (!first) {
    const filters = toApiFilters(listStateFor(new URL(request.url).searchParams, session.isAdmin));
    void queryClient.prefetchQuery(serverQueries.list(target, filters));
  } else if (first !== 'create') {
    void queryClient.prefetchQuery(serverQueries.detail(target, first));
  }
  return null;
}
