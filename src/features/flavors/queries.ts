import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getFlavor, getFlavorExtraSpecs, listFlavors, listFlavorSummaries } from './api';
import type { FlavorFilters } from './schemas';

export const flavorQueries = {
  all: () => ['flavors'] as const,
  list: (target: ComputeTarget, filters: FlavorFilters = {}) =>
    queryOptions({
      queryKey: ['flavors', 'list', scopeOf(target), filters] as const,
      queryFn: ({ signal }) => listFlavors(target, filters, signal),
      staleTime: 60_000,
    }),
  /** Names by id (6.1), for links that name a flavor. */
  names: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['flavors', 'names', scopeOf(target)] as const,
      queryFn: ({ signal }) => listFlavorSummaries(target, signal),
      staleTime: 300_000,
      select: (flavors) => new Map(flavors.map((f) => [f.id, f.name])),
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['flavors', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getFlavor(target, id, signal),
      staleTime: 60_000,
    }),
  extraSpecs: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['flavors', 'extraSpecs', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getFlavorExtraSpecs(target, id, signal),
      staleTime: 60_000,
    }),
};
