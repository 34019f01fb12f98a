import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { volumeQueries } from '../volumes/queries';
import { createSnapshot, deleteSnapshot } from './api';
import { snapshotQueries } from './queries';
import type { CreateSnapshotRequest } from './schemas';

/** A snapshot changes what its volume allows (delete), so volumes are refreshed too. */
export function useCreateSnapshot() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateSnapshotRequest) => createSnapshot(compute, request),
    meta: { successMessage: 'snapshots.create.done', errorNotification: 'never' },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: snapshotQueries.all() }),
        queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
      ]),
  });
}

/** Delete Snapshot (20.3): the snapshot stays listed, deleting, until it is gone. */
export function useDeleteSnapshot() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSnapshot(compute, id),
    meta: { successMessage: 'snapshots.delete.done' },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: snapshotQueries.all() }),
        queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
      ]),
  });
}
