import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { invalidateAfterDelete } from '../../lib/invalidate';
import { createKeypair, deleteKeypair } from './api';
import { keypairQueries } from './queries';
import type { CreateKeypairRequest } from './schemas';

/**
 * Add Keypair (14.3). The answer of a generated pair carries the private key: the caller
 * shows it once and calls `reset()` so it does not stay in the mutation cache.
 */
export function useCreateKeypair() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateKeypairRequest) => createKeypair(compute, request),
    // the form shows the cloud's refusal next to the field
    meta: { errorNotification: 'never' },
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keypairQueries.all() }),
  });
}

/** Delete Keypair (14.4). */
export function useDeleteKeypair() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteKeypair(compute, name),
    meta: { successMessage: 'keypairs.delete.done' },
    onSuccess: (_data, name) => invalidateAfterDelete(queryClient, keypairQueries.all(), name),
  });
}
