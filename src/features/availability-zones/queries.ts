import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { listAvailabilityZones } from './api';

export const availabilityZoneQueries = {
  all: () => ['availability-zones'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['availability-zones', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listAvailabilityZones(target, signal),
      staleTime: 300_000,
    }),
};
