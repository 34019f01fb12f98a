import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';
import { i18n } from './i18n';
import { notifyError, notifySuccess } from './notify';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * By default a query's error is notified only when it had data (a background refetch
       * failed); a first load shows its own inline error (QueryState). `always` also notifies
       * first loads (queries without an inline error), `never` stays silent.
       */
      errorNotification?: 'always' | 'never';
    };
    mutationMeta: {
      errorNotification?: 'never';
      /** i18n key of a notification shown when the mutation succeeds. */
      successMessage?: string;
    };
  }
}

/**
 * Reads may be asked again: a timeout, a lost connection, a 5xx (the gateway's 504 on a slow
 * cloud) — twice more, after 1 s then 2 s. Never a 4xx (401 ends the session, the others will
 * not change by asking again) nor an answer of the wrong shape. Writes are never retried
 * (`mutations.retry: false`): one whose answer was lost is re-read, not sent again.
 */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  if (isApiError(error) && error.code === 'malformedResponse') return false;
  return failureCount < 2;
}

function isSessionEnd(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const mode = query.meta?.errorNotification;
        if (mode === 'never' || isSessionEnd(error)) return;
        if (query.state.data === undefined && mode !== 'always') return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (mutation.meta?.errorNotification === 'never' || isSessionEnd(error)) return;
        notifyError(error);
      },
      onSuccess: (_data, _variables, _result, mutation) => {
        const key = mutation.meta?.successMessage;
        if (key) notifySuccess(i18n.t(key));
      },
    }),
    defaultOptions: {
      queries: { staleTime: 15_000, retry: shouldRetryRead, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
