import { redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../features/session/queries';
import { loginPath, safeNextPath } from '../features/session/next-path';
import { isApiError } from '../lib/errors';
import { loadNamespaces } from '../lib/i18n';
import { sessionStarted } from '../lib/session-expiry';
import { SHELL_NAMESPACES } from './page-namespaces';

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** The signed-in branch: no session → the login page, which brings the user back here. */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      // the shell's strings load alongside the session check (each page loads its own), not on the login page
      await Promise.all([queryClient.ensureQueryData(sessionQueries.current()), loadNamespaces(SHELL_NAMESPACES)]);
      // a session (made in another tab after a logout here, say): its 401s are expiries again
      sessionStarted();
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      const url = new URL(request.url);
      throw redirect(loginPath(url.pathname + url.search));
    }
    return null;
  };
}

/** The login page: reads the gateway's config; someone already signed in goes on to `next`. */
export function loginLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const next = safeNextPath(new URL(request.url).searchParams.get('next'));
    const [, session] = await Promise.allSettled([
      queryClient.ensureQueryData(sessionQueries.config()),
      queryClient.fetchQuery(sessionQueries.current()),
    ]);
    if (session.status === 'fulfilled') throw redirect(next);
    return null;
  };
}
