import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { serverQueries } from '../servers/queries';
import { attachVolume, createVolume, deleteVolume, detachVolume } from './api';
import { volumeQueries } from './queries';
import type { AttachVolumeRequest, CreateVolumeRequest } from './schemas';

export function useCreateVolume() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateVolumeRequest) => createVolume(compute, request),
    meta: { successMessage: 'volumes.create.done', errorNotification: 'never' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
  });
}

/** Delete Volume (19.5): the volume stays listed, deleting, until it is gone. */
export function useDeleteVolume() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteVolume(compute, id),
    meta: { successMessage: 'volumes.delete.done' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
  });
}

export function useAttachVolume() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AttachVolumeRequest) => attachVolume(compute, request),
    meta: { successMessage: 'volumes.attach.done', errorNotification: 'never' },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
        // attach and detach change the server too: its attachments live under the servers key
        queryClient.invalidateQueries({ queryKey: serverQueries.all() }),
      ]),
  });
}

export function useDetachVolume() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serverId, volumeId }: { serverId: string; volumeId: string }) => detachVolume(compute, serverId, volumeId),
    meta: { successMessage: 'volumes.detach.done' },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: volumeQueries.all() }),
        // attach and detach change the server too: its attachments live under the servers key
        queryClient.invalidateQueries({ queryKey: serverQueries.all() }),
      ]),
  });
}
