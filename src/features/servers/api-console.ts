import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { serverRequests } from './requests';
import { consoleOutputSchema, type InstanceAction } from './schemas';
import { getInstanceAction, sendServerRequest } from './api';

/** Show Console Output (5.7): the last `length` lines (all when undefined). */
export async function fetchConsoleOutput(target: ComputeTarget, id: string, length?: number): Promise<string> {
  return (await sendServerRequest(target, serverRequests.consoleOutput(id, length), consoleOutputSchema)).output;
}

export const serverConsoleQueries = {
  output: (target: ComputeTarget, id: string, length: number | undefined) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'console', { length: length ?? null }] as const,
      queryFn: () => fetchConsoleOutput(target, id, length),
      staleTime: 0,
      // a POST that fails (409: not ready) says so in the tab, once
      meta: { errorNotification: 'never' },
    }),
};

export const instanceActionQueries = {
  /** One action with its events (11.2; events are for admins). */
  detail: (target: ComputeTarget, id: string, requestId: string) =>
    queryOptions<InstanceAction>({
      queryKey: ['servers', 'actions', scopeOf(target), id, requestId] as const,
      queryFn: () => getInstanceAction(target, id, requestId),
    }),
};
