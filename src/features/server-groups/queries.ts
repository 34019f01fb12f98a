import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getServerGroup, listServerGroups } from './api';

export const serverGroupQueries = {
  all: () => ['server-groups'] as const,
  list: (target: ComputeTarget, allProjects = false) =>
    queryOptions({
      queryKey: ['server-groups', 'list', scopeOf(target), { allProjects }] as const,
      queryFn: ({ signal }) => listServerGroups(target, allProjects, signal),
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['server-groups', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getServerGroup(target, id, signal),
    }),
};
