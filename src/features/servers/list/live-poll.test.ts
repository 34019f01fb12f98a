import { describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS, BUSY_POLL_MS, freshnessOf, IDLE_POLL_MS, MAX_BACKOFF_MS, pollInterval } from './live-poll';

describe('the list’s polling pace', () => {
  it('is fast while a row moves, slower when idle, and backs off after failures', () => {
    expect(pollInterval(true, 0)).toBe(BUSY_POLL_MS);
    expect(pollInterval(false, 0)).toBe(IDLE_POLL_MS);
    expect([1, 2, 3, 4, 5].map((failures) => pollInterval(true, failures))).toEqual([10_000, 20_000, 40_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
  });
});

describe('what the list may say about its rows', () => {
  const now = 1_000_000;
  const ok = (ago: number) => ({ okAt: now - ago, failures: 0, error: null });

  it('says "up to date" (or "live") only when the last poll succeeded within its interval', () => {
    expect(freshnessOf({ paused: false, busy: false, poll: ok(3_000), now })).toBe('upToDate');
    expect(freshnessOf({ paused: false, busy: true, poll: ok(1_000), now })).toBe('live');
    expect(freshnessOf({ paused: false, busy: false, poll: ok(IDLE_POLL_MS + ANSWER_GRACE_MS + 1), now })).toBe('late');
    expect(freshnessOf({ paused: false, busy: true, poll: ok(BUSY_POLL_MS + ANSWER_GRACE_MS + 1), now })).toBe('late');
  });

  it('says the refresh failed, or is paused, whatever the age', () => {
    expect(freshnessOf({ paused: false, busy: false, poll: { okAt: now, failures: 1, error: new Error('x') }, now })).toBe('failed');
    expect(freshnessOf({ paused: true, busy: false, poll: ok(0), now })).toBe('paused');
  });
});
