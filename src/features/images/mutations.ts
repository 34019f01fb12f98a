import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { invalidateAfterDelete } from '../../lib/invalidate';
import { deleteImage } from './api';
import { imageQueries } from './queries';

/** Delete Image (7.5). */
export function useDeleteImage() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteImage(compute, id),
    meta: { successMessage: 'images.delete.done' },
    onSuccess: (_data, id) => invalidateAfterDelete(queryClient, imageQueries.all(), id),
  });
}
