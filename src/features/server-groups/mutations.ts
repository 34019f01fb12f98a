import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { invalidateAfterDelete } from '../../lib/invalidate';
import { createServerGroup, deleteServerGroup } from './api';
import { serverGroupQueries } from './queries';
import type { CreateServerGroupRequest } from './schemas';

export function useCreateServerGroup() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateServerGroupRequest) => createServerGroup(compute, request),
    meta: { successMessage: 'serverGroups.create.done', errorNotification: 'never' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serverGroupQueries.all() }),
  });
}

export function useDeleteServerGroup() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteServerGroup(compute, id),
    meta: { successMessage: 'serverGroups.delete.done' },
    onSuccess: (_data, id) => invalidateAfterDelete(queryClient, serverGroupQueries.all(), id),
  });
}
