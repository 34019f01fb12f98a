import type { QueryClient } from '@tanstack/react-query';

/**
 * After a delete: refresh everything under the resource's root key except the queries of
 * the deleted resource itself, which would only answer 404 (and notify it) while its page
 * is being left.
 */
export function invalidateAfterDelete(queryClient: QueryClient, root: readonly unknown[], id: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: root, predicate: (query) => !query.queryKey.includes(id) });
}
