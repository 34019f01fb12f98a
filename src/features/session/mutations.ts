import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionEndedByUser, sessionStarted } from '../../lib/session-expiry';
import { clearAllFormDrafts } from '../../lib/use-persistent-form-draft';
import { login, logout, switchProject } from './api';
import { sessionQueries } from './queries';
import type { Session } from './schemas';

/** Everything cached belongs to the previous scope, except the gateway's static config. */
function dropScopedData(queryClient: QueryClient, session: Session | null) {
  const [resource, kind] = sessionQueries.config().queryKey;
  queryClient.removeQueries({ predicate: ({ queryKey }) => queryKey[0] !== resource || queryKey[1] !== kind });
  if (session) queryClient.setQueryData(sessionQueries.current().queryKey, session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // the login form shows the cloud's answer inline; no toast on top of it
    meta: { errorNotification: 'never' },
    onSuccess: (session) => {
      sessionStarted();
      dropScopedData(queryClient, session);
    },
  });
}

/** Rescope to another project, then refetch what is on screen under the new scope. */
export function useSwitchProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchProject,
    meta: { successMessage: 'shell.project.switched' },
    onSuccess: (session) => {
      // the endpoint's versions are the same for every project; everything else is scoped
      queryClient.removeQueries({ predicate: (query) => !['session', 'versions'].includes(String(query.queryKey[0])) });
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
      void queryClient.invalidateQueries({ queryKey: sessionQueries.projects().queryKey });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onMutate: () => sessionEndedByUser(),
    onSettled: () => {
      clearAllFormDrafts();
      dropScopedData(queryClient, null);
    },
  });
}
