import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getSecurityGroup, listSecurityGroups } from './api';

export const securityGroupQueries = {
  all: () => ['security-groups'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['security-groups', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listSecurityGroups(target, signal),
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['security-groups', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getSecurityGroup(target, id, signal),
    }),
};
