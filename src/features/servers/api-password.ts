import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';

/** Show Server Password (17.1): base64 ciphertext; '' when none was posted or it was cleared. */
export async function getServerPassword(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<string> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-server-password`,
    schema: z.object({ password: z.string().nullable() }),
    signal,
  });
  return body.password ?? '';
}

export const serverPasswordQueries = {
  get: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'password'] as const,
      queryFn: ({ signal }) => getServerPassword(target, id, signal),
    }),
};
