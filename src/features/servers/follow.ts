/**
 * Servers followed after a write, until the cloud shows the write's result. A 202 or 204 is
 * not the end: Nova confirms a resize, reboots, deletes in the background, and the first read
 * after the write may still show the old, stable state (VERIFY_RESIZE after confirmResize).
 * So a written server is polled — on the list and on its page — until it is seen stable with
 * an `updated` other than the one it had before the write, or until a window has passed
 * (a write that changed nothing visible, or whose outcome was lost and never applied).
 */
import { isTransitional, type ServerState } from './lifecycle';
import type { Server } from './schemas';

/** How long a written server is followed at most, when nothing shows the write's result. */
export const FOLLOW_WINDOW_MS = 60_000;

interface Followed {
  until: number;
  /** `updated` of the server before the write; null when it was not known. */
  before: string | null;
}

// One map for the page: a write in a dialog and the list behind it follow the same server.
const followed = new Map<string, Followed>();

/** Starts following servers just written; `before` gives each one's `updated` as last seen. */
export function followServers(ids: readonly string[], before: (id: string) => string | null, now = Date.now()): void {
  for (const id of ids) followed.set(id, { until: now + FOLLOW_WINDOW_MS, before: before(id) });
}

/**
 * Whether the server as just read is still to be followed; forgets it once the write's result
 * shows (stable, `updated` moved on) or the window is over.
 */
export function isFollowed(server: ServerState & Pick<Server, 'id' | 'updated'>, now = Date.now()): boolean {
  const entry = followed.get(server.id);
  if (!entry) return false;
  const settled = !isTransitional(server) && server.updated !== entry.before;
  if (settled || now > entry.until) {
    followed.delete(server.id);
    return false;
  }
  return true;
}

/** Some server of the list is between states or followed after a write. */
export function anyBusy(servers: readonly Server[] | undefined, now = Date.now()): boolean {
  // every server is asked (not `some`), so each one settled is forgotten
  return (servers ?? []).map((server) => isTransitional(server) || isFollowed(server, now)).includes(true);
}
