import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCompute, type ComputeTarget } from '../../lib/compute';
import {
  addServerTag,
  createServer,
  deleteAllServerTags,
  deleteServer,
  deleteServerTag,
  getServer,
  lockServer,
  rebootServer,
  replaceServerTags,
  serverAction,
  startServer,
  stopServer,
  unlockServer,
  updateServer,
} from './api';
import { generateKeypair } from './api-wizard';
import { announceServersChanged, useServersChangedInOtherTabs } from './live-sync';
import { isTransitional, type ServerOperation } from './lifecycle';
import { serverQueries } from './queries';
import type { CreateServerBody, ServerActionBody, UpdateServerRequest } from './schemas';

/** After any write: refresh this tab's servers queries and tell the other tabs. */
export async function serversChanged(queryClient: QueryClient, ids: readonly string[] = []): Promise<void> {
  announceServersChanged(ids);
  await queryClient.invalidateQueries({ queryKey: serverQueries.all() });
}

function useServersWrite() {
  // Any page that writes servers also follows the writes of the user's other tabs.
  useServersChangedInOtherTabs();
  return { target: useCompute(), queryClient: useQueryClient() };
}

/** Any chapter-5 action: `mutate({ id, body: { reboot: { type: 'SOFT' } } })`. */
export function useServerAction() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ServerActionBody }) => serverAction(target, id, body),
    onSettled: (_data, _error, { id }) => serversChanged(queryClient, [id]),
  });
}

export function useCreateServer() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: (body: CreateServerBody) => createServer(target, body),
    // the wizard shows the over-quota answer itself, next to the review
    meta: { errorNotification: 'never' },
    onSuccess: (created) => serversChanged(queryClient, [created.id]),
  });
}

export function useUpdateServer() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateServerRequest }) => updateServer(target, id, changes),
    onSuccess: (_server, { id }) => serversChanged(queryClient, [id]),
  });
}

export function useDeleteServer() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: (id: string) => deleteServer(target, id),
    onSettled: (_data, _error, id) => serversChanged(queryClient, [id]),
  });
}

export type TagChange =
  | { kind: 'add'; tag: string }
  | { kind: 'remove'; tag: string }
  | { kind: 'replace'; tags: string[] }
  | { kind: 'clear' };

export function useServerTags() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TagChange }): Promise<unknown> => {
      switch (change.kind) {
        case 'add':
          return addServerTag(target, id, change.tag);
        case 'remove':
          return deleteServerTag(target, id, change.tag);
        case 'replace':
          return replaceServerTags(target, id, change.tags);
        case 'clear':
          return deleteAllServerTags(target, id);
      }
    },
    onSettled: (_data, _error, { id }) => serversChanged(queryClient, [id]),
  });
}

/** The operations a bulk action or the command palette can run on a server. */
export type QuickOperation = Extract<
  ServerOperation,
  'start' | 'stop' | 'reboot-soft' | 'reboot-hard' | 'lock' | 'unlock' | 'delete' | 'tags'
>;

/** One API call per operation; `tags` adds the tag given in `arg`. */
export function runServerOperation(
  target: ComputeTarget,
  id: string,
  operation: QuickOperation,
  arg?: string,
): Promise<unknown> {
  switch (operation) {
    case 'start':
      return startServer(target, id);
    case 'stop':
      return stopServer(target, id);
    case 'reboot-soft':
      return rebootServer(target, id, 'SOFT');
    case 'reboot-hard':
      return rebootServer(target, id, 'HARD');
    case 'lock':
      return lockServer(target, id);
    case 'unlock':
      return unlockServer(target, id);
    case 'delete':
      return deleteServer(target, id);
    case 'tags':
      return addServerTag(target, id, arg ?? '');
  }
}

/** One quick operation on one server (command palette, row menu). */
export function useServerOperation() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: ({ id, operation, arg }: { id: string; operation: QuickOperation; arg?: string }) =>
      runServerOperation(target, id, operation, arg),
    onSettled: (_data, _error, { id }) => serversChanged(queryClient, [id]),
  });
}

/** Add Keypair (14.3) from the create wizard: the cloud makes the pair; the private key comes once. */
export function useGenerateKeypair() {
  const target = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => generateKeypair(target, name),
    // the wizard shows the answer next to the name field
    meta: { errorNotification: 'never' },
    // the answer holds the private key: not kept in the mutation cache
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['keypairs'] }),
  });
}

/**
 * Tags cannot be sent with Create Server before 2.52, and a server takes tags only once it
 * is out of BUILD: waits for that (polling Get Server Detail), then sets them (23.2).
 */
export async function applyTagsWhenReady(
  target: ComputeTarget,
  queryClient: QueryClient,
  id: string,
  tags: string[],
  { intervalMs = 2000, timeoutMs = 15 * 60_000 } = {},
): Promise<'applied' | 'failed' | 'timeout'> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const server = await getServer(target, id).catch(() => null);
    if (server && !isTransitional(server)) {
      if (server.status.toUpperCase() === 'ERROR' || server.status.toUpperCase() === 'DELETED') return 'failed';
      await replaceServerTags(target, id, tags);
      await serversChanged(queryClient, [id]);
      return 'applied';
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return 'timeout';
}
