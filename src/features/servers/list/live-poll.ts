/**
 * How often the servers list asks the cloud what changed, and what it may then say about its
 * rows. Pure: use-live-servers.ts runs it, live-indicator.tsx shows it.
 */

/** While a row is between states or followed after a write. */
export const BUSY_POLL_MS = 2_000;
/** While nothing on the page moves: others' changes still show within this. */
export const IDLE_POLL_MS = 10_000;
/** The longest wait between two polls after failures. */
export const MAX_BACKOFF_MS = 60_000;
/** Time a poll may take on a slow cloud before its answer is late. */
export const ANSWER_GRACE_MS = 5_000;

/** After failures the pace halves each time (10 s, 20 s, 40 s, 60 s), never faster than idle. */
export function pollInterval(busy: boolean, failures: number): number {
  const base = busy ? BUSY_POLL_MS : IDLE_POLL_MS;
  if (failures <= 0) return base;
  return Math.min(MAX_BACKOFF_MS, IDLE_POLL_MS * 2 ** (failures - 1));
}

/** The outcome of the list's last polls, kept as the poll query's data. */
export interface PollState {
  /** When the rows were last known to be the cloud's (a poll or a full load that succeeded). */
  okAt: number;
  /** Polls failed in a row since then. */
  failures: number;
  /** The last failure, while failures > 0. */
  error: unknown;
}

export type Freshness =
  /** The last poll succeeded within its interval, and a row is moving. */
  | 'live'
  /** The last poll succeeded within its interval, nothing moving: the rows are the cloud's. */
  | 'upToDate'
  /** No successful poll for longer than the interval (hidden tab, slow cloud): only the age is said. */
  | 'late'
  | 'failed'
  | 'paused';

/** What the list may claim about its rows at `now`. "Up to date" only on a recent success. */
export function freshnessOf({ paused, busy, poll, now }: { paused: boolean; busy: boolean; poll: PollState; now: number }): Freshness {
  if (paused) return 'paused';
  if (poll.failures > 0) return 'failed';
  if (now - poll.okAt > pollInterval(busy, 0) + ANSWER_GRACE_MS) return 'late';
  return busy ? 'live' : 'upToDate';
}
