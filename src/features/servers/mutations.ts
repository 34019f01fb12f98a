/**
 * Server writes as hooks: each sends a definition of requests.ts, then refreshes this tab's
 * servers queries and tells the user's other tabs (BroadcastChannel), which refresh too.
 */
import { useEffect } from 'react';
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { useCompute, type ComputeTarget } from '../../lib/compute';
import { getServer, sendServerRequest } from './api';
import { followServers } from './follow';
import { isTransitional } from './lifecycle';
import { serverQueries, type ServerListPage } from './queries';
import { quickRequest, serverRequests, type QuickOperation, type ServerRequest } from './requests';
import { createServerResponseSchema, tagsResponseSchema, type Server } from './schemas';

// ---- the user's other tabs --------------------------------------------------------------------

/**
 * Tells the user's other tabs that servers changed, so their lists and detail pages refresh
 * at once instead of at their next poll. Same-origin tabs only (BroadcastChannel).
 */
const CHANNEL = 'ecs-console:servers';

interface ServersChanged {
  type: 'servers-changed';
  ids: string[];
}

let sender: BroadcastChannel | null | undefined;

function channel(): BroadcastChannel | null {
  if (sender === undefined) sender = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  return sender;
}

/** Called by every server write once the cloud accepted it (serversChanged). */
function announceServersChanged(ids: readonly string[] = []): void {
  try {
    channel()?.postMessage({ type: 'servers-changed', ids: [...ids] } satisfies ServersChanged);
  } catch {
    // a closed channel (page unloading): the other tabs will catch up at their next poll
  }
}

function isServersChanged(data: unknown): data is ServersChanged {
  return Boolean(data && typeof data === 'object' && (data as { type?: unknown }).type === 'servers-changed');
}

/** Attaches one listener per QueryClient, however many components ask for it. */
const listening = new WeakMap<QueryClient, { count: number; close: () => void }>();

function listen(queryClient: QueryClient): () => void {
  const existing = listening.get(queryClient);
  if (existing) {
    existing.count += 1;
  } else if (typeof BroadcastChannel !== 'undefined') {
    const receiver = new BroadcastChannel(CHANNEL);
    receiver.onmessage = (event: MessageEvent) => {
      if (isServersChanged(event.data)) void queryClient.invalidateQueries({ queryKey: serverQueries.all() });
    };
    listening.set(queryClient, { count: 1, close: () => receiver.close() });
  }
  return () => {
    const entry = listening.get(queryClient);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count === 0) {
      entry.close();
      listening.delete(queryClient);
    }
  };
}

/** Refreshes the servers queries of this tab when another tab changed servers. */
export function useServersChangedInOtherTabs(): void {
  const queryClient = useQueryClient();
  useEffect(() => listen(queryClient), [queryClient]);
}

// ---- writes ------------------------------------------------------------------------------------

/** The server's `updated` as this tab last saw it (its page, or a list holding it). */
function lastSeenUpdated(queryClient: QueryClient, id: string): string | null {
  for (const [key, data] of queryClient.getQueriesData<Server>({ queryKey: [...serverQueries.all(), 'detail'] })) {
    if (key.length === 4 && key[3] === id && data) return data.updated;
  }
  for (const [, data] of queryClient.getQueriesData<Pick<ServerListPage, 'servers'>>({ queryKey: serverQueries.all() })) {
    const found = Array.isArray(data?.servers) ? data.servers.find((server) => server.id === id) : undefined;
    if (found) return found.updated;
  }
  return null;
}

/**
 * After any write, answered or not: follow the servers written until the cloud shows the
 * result (follow.ts), re-read this tab's servers queries at once, and tell the other tabs.
 */
export async function serversChanged(queryClient: QueryClient, ids: readonly string[] = []): Promise<void> {
  followServers(ids, (id) => lastSeenUpdated(queryClient, id));
  announceServersChanged(ids);
  await queryClient.invalidateQueries({ queryKey: serverQueries.all() });
}

function useServersWrite() {
  // Any page that writes servers also follows the writes of the user's other tabs.
  useServersChangedInOtherTabs();
  return { target: useCompute(), queryClient: useQueryClient() };
}

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
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: (request: ServerRequest): Promise<unknown> => sendServerRequest(target, request, z.unknown()),
    meta: inlineErrors ? { errorNotification: 'never' } : undefined,
    onSettled: async () => {
      await Promise.all([
        serversChanged(queryClient, [serverId]),
        ...alsoInvalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}

/** What Create Server made: one server, or (several) the reservation that lists them. */
export type CreatedServers = { kind: 'server'; id: string } | { kind: 'reservation'; reservationId: string };

/** Create Server (4.2): sends the request the wizard previewed (`serverRequests.create`). */
export function useCreateServer() {
  const { target, queryClient } = useServersWrite();
  return useMutation({
    mutationFn: async (request: ServerRequest): Promise<CreatedServers> => {
      const answer = await sendServerRequest(target, request, createServerResponseSchema);
      return 'server' in answer ? { kind: 'server', id: answer.server.id } : { kind: 'reservation', reservationId: answer.reservation_id };
    },
    // the wizard shows the over-quota answer itself, next to the review
    meta: { errorNotification: 'never' },
    // answered or not (an unknown outcome may have made a server), the lists are read again
    onSettled: (created) => serversChanged(queryClient, created?.kind === 'server' ? [created.id] : []),
  });
}

/** One quick operation through its definition (requests.ts); `tags` adds the tag given in `arg`. */
export function runServerOperation(target: ComputeTarget, id: string, operation: QuickOperation, arg?: string): Promise<unknown> {
  return sendServerRequest(target, quickRequest(id, operation, arg), z.unknown());
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
      await sendServerRequest(target, serverRequests.replaceTags(id, tags), tagsResponseSchema);
      await serversChanged(queryClient, [id]);
      return 'applied';
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return 'timeout';
}
