import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getDefaultQuotaSet, getQuotaSet } from './api';

export const quotaQueries = {
  all: () => ['quotas'] as const,
  detail: (target: ComputeTarget, tenantId: string, userId?: string) =>
    queryOptions({
      queryKey: ['quotas', 'detail', scopeOf(target), tenantId, { userId: userId ?? null }] as const,
      queryFn: () => getQuotaSet(target, tenantId, userId),
    }),
  defaults: (target: ComputeTarget, tenantId: string) =>
    queryOptions({
      queryKey: ['quotas', 'defaults', scopeOf(target), tenantId] as const,
      queryFn: () => getDefaultQuotaSet(target, tenantId),
      staleTime: 300_000,
    }),
};
