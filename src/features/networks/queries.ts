import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getServerAddressesOn, listNetworks } from './api';

export const networkQueries = {
  all: () => ['networks'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['networks', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listNetworks(target, signal),
      staleTime: 60_000,
    }),
  /** One server's addresses on one network (9.2). */
  addresses: (target: ComputeTarget, networkLabel: string, serverId: string) =>
    queryOptions({
      queryKey: ['networks', 'addresses', scopeOf(target), networkLabel, serverId] as const,
      queryFn: ({ signal }) => getServerAddressesOn(target, serverId, networkLabel, signal),
    }),
};
