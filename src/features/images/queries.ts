import { queryOptions } from '@tanstack/react-query';
import { isTransitionalStatus } from '../../components/status-badge';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getImage, getImageMetadata, listImageNames, listImages } from './api';
import type { Image, ImageFilters } from './schemas';

const POLL_MS = 2000;

export const imageQueries = {
  all: () => ['images'] as const,
  list: (target: ComputeTarget, filters: ImageFilters = {}) =>
    queryOptions({
      queryKey: ['images', 'list', scopeOf(target), filters] as const,
      queryFn: ({ signal }) => listImages(target, filters, signal),
      // an image being saved shows its progress until it is ACTIVE
      refetchInterval: (query) => (query.state.data?.some((i: Image) => isTransitionalStatus(i.status)) ? POLL_MS : false),
    }),
  names: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['images', 'names', scopeOf(target)] as const,
      queryFn: ({ signal }) => listImageNames(target, signal),
      staleTime: 60_000,
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['images', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getImage(target, id, signal),
      refetchInterval: (query) => (isTransitionalStatus(query.state.data?.status) ? POLL_MS : false),
    }),
  metadata: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['images', 'metadata', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getImageMetadata(target, id, signal),
    }),
};
