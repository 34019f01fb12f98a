import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getSnapshot, listSnapshots } from './api';
import { isTransitionalSnapshot, type Snapshot } from './schemas';

const POLL_MS = 2000;

export const snapshotQueries = {
  all: () => ['snapshots'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['snapshots', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listSnapshots(target, signal),
      refetchInterval: (query) => (query.state.data?.some((s: Snapshot) => isTransitionalSnapshot(s)) ? POLL_MS : false),
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['snapshots', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getSnapshot(target, id, signal),
      refetchInterval: (query) => (query.state.data && isTransitionalSnapshot(query.state.data) ? POLL_MS : false),
    }),
};
