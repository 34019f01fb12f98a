import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';

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

/** Called by every server mutation once the cloud accepted it. */
export function announceServersChanged(ids: readonly string[] = []): void {
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
      if (isServersChanged(event.data)) void queryClient.invalidateQueries({ queryKey: ['servers'] });
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
