import { queryOptions } from '@tanstack/react-query';
import { discoverCompute, getVersion, listVersions } from './api';

export const versionQueries = {
  all: () => ['versions'] as const,
  list: () => queryOptions({ queryKey: ['versions', 'list'] as const, queryFn: listVersions, staleTime: 600_000 }),
  detail: (id: string) =>
    queryOptions({ queryKey: ['versions', 'detail', id] as const, queryFn: () => getVersion(id), staleTime: 600_000 }),
  /** Read once per session: the endpoint's versions do not change under a running console. */
  discovery: () =>
    queryOptions({ queryKey: ['versions', 'discovery'] as const, queryFn: discoverCompute, staleTime: Infinity }),
};
