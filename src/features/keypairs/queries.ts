import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getKeypair, listKeypairs } from './api';

export const keypairQueries = {
  all: () => ['keypairs'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({ queryKey: ['keypairs', 'list', scopeOf(target)] as const, queryFn: () => listKeypairs(target) }),
  detail: (target: ComputeTarget, name: string) =>
    queryOptions({
      queryKey: ['keypairs', 'detail', scopeOf(target), name] as const,
      queryFn: ({ signal }) => getKeypair(target, name, signal),
    }),
};
