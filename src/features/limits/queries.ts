import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getAbsoluteLimits } from './api';

export const limitsQueries = {
  all: () => ['limits'] as const,
  absolute: (target: ComputeTarget, tenantId?: string) =>
    queryOptions({
      queryKey: ['limits', 'absolute', scopeOf(target), { tenantId: tenantId ?? null }] as const,
      queryFn: () => getAbsoluteLimits(target, tenantId),
    }),
};
