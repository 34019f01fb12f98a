import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { useCompute } from '../../lib/compute';
import { sendRequest, type ServerRequest } from './api-requests';
import { serversChanged } from './mutations';

interface ServerRequestOptions {
  /** Other resources the write changes (volumes on attach, images on create image). */
  alsoInvalidate?: QueryKey[];
  /**
   * Dialogs show a failure inline (the cloud's message and request id); writes without a
   * dialog (a tag chip's ×) leave it to the global notification.
   */
  inlineErrors?: boolean;
}

/**
 * Sends one request of `serverRequests` for a server: pessimistic, then every servers query
 * (and the user's other tabs) refreshes, and the detail query polls while the server moves.
 * Resolves with the answer's body as sent.
 */
export function useServerRequest(serverId: string, { alsoInvalidate = [], inlineErrors = true }: ServerRequestOptions = {}) {
  const target = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ServerRequest): Promise<unknown> => sendRequest(target, request, z.unknown()),
    meta: inlineErrors ? { errorNotification: 'never' } : undefined,
    onSettled: async () => {
      await Promise.all([
        serversChanged(queryClient, [serverId]),
        ...alsoInvalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}
