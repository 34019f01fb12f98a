import { describe, expect, it } from 'vitest';
import { anyBusy, followServers, FOLLOW_WINDOW_MS, isFollowed } from './follow';
import type { Server } from './schemas';

const at = (status: string, updated: string, task: string | null = null) =>
  ({ id: 'f1', status, updated, 'OS-EXT-STS:vm_state': status === 'VERIFY_RESIZE' ? 'resized' : 'active', 'OS-EXT-STS:task_state': task }) as Server;

describe('a server is followed after a write until the cloud shows its result', () => {
  it('keeps following while the first reads still show the old stable state (confirm resize: 204, then VERIFY_RESIZE)', () => {
    followServers(['f1'], () => '2026-01-01T00:00:00Z', 0);
    expect(isFollowed(at('VERIFY_RESIZE', '2026-01-01T00:00:00Z'), 1_000)).toBe(true);
    expect(isFollowed(at('VERIFY_RESIZE', '2026-01-01T00:00:00Z'), 5_000)).toBe(true);
    // the background confirm finished: stable, updated moved on
    expect(isFollowed(at('ACTIVE', '2026-01-01T00:00:07Z'), 7_000)).toBe(false);
    // and it is forgotten
    expect(isFollowed(at('VERIFY_RESIZE', '2026-01-01T00:00:00Z'), 8_000)).toBe(false);
  });

  it('keeps following through a transition, whose updated moves at each step', () => {
    followServers(['f1'], () => '2026-01-01T00:00:00Z', 0);
    expect(isFollowed(at('REBOOT', '2026-01-01T00:00:01Z', 'reboot_started'), 1_000)).toBe(true);
    expect(isFollowed(at('ACTIVE', '2026-01-01T00:00:03Z'), 3_000)).toBe(false);
  });

  it('stops after the window when nothing shows (a write lost and never applied)', () => {
    followServers(['f1'], () => '2026-01-01T00:00:00Z', 0);
    expect(isFollowed(at('ACTIVE', '2026-01-01T00:00:00Z'), FOLLOW_WINDOW_MS - 1)).toBe(true);
    expect(isFollowed(at('ACTIVE', '2026-01-01T00:00:00Z'), FOLLOW_WINDOW_MS + 1)).toBe(false);
  });

  it('makes the list busy while a row on it is followed or moving', () => {
    followServers(['f1'], () => '2026-01-01T00:00:00Z', 0);
    const other = { ...at('ACTIVE', '2026-01-01T00:00:00Z'), id: 'f2' } as Server;
    expect(anyBusy([other, at('VERIFY_RESIZE', '2026-01-01T00:00:00Z')], 1_000)).toBe(true);
    expect(anyBusy([other], 1_000)).toBe(false);
    expect(anyBusy([{ ...other, status: 'BUILD', 'OS-EXT-STS:task_state': 'spawning' } as Server], 1_000)).toBe(true);
  });
});
