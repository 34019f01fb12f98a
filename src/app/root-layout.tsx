import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../features/session/queries';
import { loginPath } from '../features/session/next-path';
import { onSessionExpired } from '../lib/session-expiry';

/**
 * Session expiry: on the first 401 the user is sent to the login page with the current
 * page as `next`; forms on that page keep their drafts (usePersistentFormDraft).
 */
function useSessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const current = useRef(location);
  const redirecting = useRef(false);

  useEffect(() => {
    current.current = location;
    redirecting.current = false;
  }, [location]);

  useEffect(
    () =>
      onSessionExpired(() => {
        const { pathname, search } = current.current;
        if (pathname === '/login' || redirecting.current) return;
        redirecting.current = true;
        modals.closeAll();
        queryClient.removeQueries({ queryKey: sessionQueries.current().queryKey });
        void navigate(loginPath(pathname + search, 'expired'), { replace: true });
      }),
    [navigate, queryClient],
  );
}

export function RootLayout() {
  useSessionExpiryRedirect();
  return <Outlet />;
}
