import { queryOptions } from '@tanstack/react-query';
import { getAuthConfig, getSession, listProjects } from './api';

export const sessionQueries = {
  all: () => ['session'] as const,
  config: () =>
    queryOptions({ queryKey: ['session', 'config'] as const, queryFn: getAuthConfig, staleTime: Infinity }),
  /** 401 means "not signed in": the route loader redirects, nobody is notified. */
  current: () =>
    queryOptions({
      queryKey: ['session', 'current'] as const,
      queryFn: getSession,
      staleTime: 60_000,
      retry: false,
      meta: { errorNotification: 'never' },
    }),
  projects: () => queryOptions({ queryKey: ['session', 'projects'] as const, queryFn: listProjects, staleTime: 300_000 }),
};
