import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { listAvailabilityZoneHosts, listAvailabilityZones } from './api';

export const availabilityZoneQueries = {
  all: () => ['availability-zones'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['availability-zones', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listAvailabilityZones(target, signal),
      staleTime: 300_000,
    }),
  /** With hosts and services: ask it only for an admin's session (members get 403). */
  detail: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['availability-zones', 'detail', scopeOf(target)] as const,
      queryFn: ({ signal }) => listAvailabilityZoneHosts(target, signal),
      staleTime: 60_000,
    }),
};
