import { describe, expect, it } from 'vitest';
import {
  allowedOperations,
  anyTransitional,
  availability,
  isTransitional,
  partitionByAvailability,
  taskLabelKey,
  troubleOf,
  type ServerState,
} from './lifecycle';

const member = { isAdmin: false };
const admin = { isAdmin: true };

const server = (status: string, vm: string, task: string | null = null, extra: Partial<ServerState> = {}): ServerState => ({
  status,
  'OS-EXT-STS:vm_state': vm,
  'OS-EXT-STS:task_state': task,
  locked: false,
  ...extra,
});

const ACTIVE = server('ACTIVE', 'active');
const SHUTOFF = server('SHUTOFF', 'stopped');

describe('allowed operations by state (Nova check_instance_state)', () => {
  it('an ACTIVE server can be stopped and rebooted, not started', () => {
    const ops = allowedOperations(ACTIVE, member);
    expect(ops.has('stop')).toBe(true);
    expect(ops.has('reboot-soft')).toBe(true);
    expect(ops.has('reboot-hard')).toBe(true);
    expect(ops.has('start')).toBe(false);
    expect(availability(ACTIVE, 'start', member)).toEqual({ allowed: false, reason: 'state' });
  });

  it('a SHUTOFF server can be started and hard rebooted, not soft rebooted or stopped (spec 5.8, 5.9)', () => {
    expect(availability(SHUTOFF, 'start', member).allowed).toBe(true);
    expect(availability(SHUTOFF, 'reboot-hard', member).allowed).toBe(true);
    expect(availability(SHUTOFF, 'reboot-soft', member)).toEqual({ allowed: false, reason: 'state' });
    expect(availability(SHUTOFF, 'stop', member)).toEqual({ allowed: false, reason: 'state' });
  });

  it('an ERROR server can be stopped, rebuilt and deleted but not imaged (spec 5.5)', () => {
    const error = server('ERROR', 'error');
    expect(availability(error, 'stop', member).allowed).toBe(true);
    expect(availability(error, 'rebuild', member).allowed).toBe(true);
    expect(availability(error, 'delete', member).allowed).toBe(true);
    expect(availability(error, 'create-image', member)).toEqual({ allowed: false, reason: 'state' });
  });

  it('VERIFY_RESIZE allows confirm and revert only (spec 5.2, 5.3)', () => {
    const verify = server('VERIFY_RESIZE', 'resized');
    expect(availability(verify, 'confirm-resize', member).allowed).toBe(true);
    expect(availability(verify, 'revert-resize', member).allowed).toBe(true);
    expect(availability(ACTIVE, 'confirm-resize', member).allowed).toBe(false);
    expect(availability(verify, 'reboot-soft', member).allowed).toBe(false);
  });

  it('a task in progress blocks the next one ("busy"), but hard reboot may interrupt a reboot', () => {
    const rebooting = server('REBOOT', 'active', 'reboot_started');
    expect(availability(rebooting, 'stop', member)).toEqual({ allowed: false, reason: 'busy' });
    expect(availability(rebooting, 'reboot-soft', member)).toEqual({ allowed: false, reason: 'busy' });
    expect(availability(rebooting, 'reboot-hard', member).allowed).toBe(true);
  });

  it('a deleting server allows nothing', () => {
    const deleting = server('ACTIVE', 'active', 'deleting');
    expect([...allowedOperations(deleting, admin)]).toEqual([]);
  });

  it('BUILD allows delete but not the console', () => {
    const build = server('BUILD', 'building', 'spawning');
    expect(availability(build, 'delete', member).allowed).toBe(true);
    expect(availability(build, 'console-output', member)).toEqual({ allowed: false, reason: 'notReady' });
  });

  it('falls back to status when the extended status attributes are missing', () => {
    expect(availability({ status: 'SHUTOFF' }, 'start', member).allowed).toBe(true);
    expect(availability({ status: 'HARD_REBOOT' }, 'stop', member)).toEqual({ allowed: false, reason: 'busy' });
  });
});

describe('the lock (Nova check_instance_lock)', () => {
  const locked = server('ACTIVE', 'active', null, { locked: true });

  it('refuses members and lets admins through', () => {
    expect(availability(locked, 'reboot-soft', member)).toEqual({ allowed: false, reason: 'locked' });
    expect(availability(locked, 'delete', member)).toEqual({ allowed: false, reason: 'locked' });
    expect(availability(locked, 'reboot-soft', admin).allowed).toBe(true);
  });

  it('does not guard create image, tags or rename', () => {
    expect(availability(locked, 'create-image', member).allowed).toBe(true);
    expect(availability(locked, 'tags', member).allowed).toBe(true);
    expect(availability(locked, 'rename', member).allowed).toBe(true);
  });

  it('lock and unlock depend on the current lock', () => {
    expect(availability(locked, 'lock', member)).toEqual({ allowed: false, reason: 'alreadyLocked' });
    expect(availability(locked, 'unlock', member).allowed).toBe(true);
    expect(availability(ACTIVE, 'unlock', member)).toEqual({ allowed: false, reason: 'notLocked' });
  });
});

describe('bulk partition', () => {
  it('splits a selection into eligible and skipped with reasons', () => {
    const list = [
      { ...ACTIVE, id: 'a' },
      { ...server('ACTIVE', 'active', null, { locked: true }), id: 'b' },
      { ...SHUTOFF, id: 'c' },
    ];
    const { eligible, skipped } = partitionByAvailability(list, 'reboot-soft', member);
    expect(eligible.map((s) => s.id)).toEqual(['a']);
    expect(skipped.map((s) => [s.server.id, s.reason])).toEqual([
      ['b', 'locked'],
      ['c', 'state'],
    ]);
  });
});

describe('transitional states', () => {
  it('a task or a transitional status means the server is changing', () => {
    expect(isTransitional(server('BUILD', 'building', 'scheduling'))).toBe(true);
    expect(isTransitional(server('ACTIVE', 'active', 'powering-off'))).toBe(true);
    expect(isTransitional({ status: 'REBOOT' })).toBe(true);
    expect(isTransitional(ACTIVE)).toBe(false);
    expect(isTransitional(server('VERIFY_RESIZE', 'resized'))).toBe(false);
    expect(anyTransitional([ACTIVE, SHUTOFF])).toBe(false);
    expect(anyTransitional([ACTIVE, server('ACTIVE', 'active', 'deleting')])).toBe(true);
  });

  it('names the task in progress', () => {
    expect(taskLabelKey(server('REBOOT', 'active', 'reboot_pending'))).toBe('rebooting');
    expect(taskLabelKey(server('HARD_REBOOT', 'active', 'reboot_started_hard'))).toBe('rebootingHard');
    expect(taskLabelKey(server('ACTIVE', 'active', 'powering-off'))).toBe('poweringOff');
    expect(taskLabelKey(server('RESIZE', 'active', 'resize_migrating'))).toBe('resizing');
    expect(taskLabelKey(server('ACTIVE', 'active', 'image_uploading'))).toBe('imaging');
    expect(taskLabelKey(ACTIVE)).toBeNull();
  });
});

describe('stuck and failed servers', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('flags ERROR with the fault message', () => {
    const error = { ...server('ERROR', 'error'), fault: { code: 500, message: 'No valid host was found.', created: '2026-03-01T11:00:00Z' } };
    expect(troubleOf(error, now)).toEqual({ kind: 'error', message: 'No valid host was found.', since: '2026-03-01T11:00:00Z' });
  });

  it('flags a BUILD longer than its threshold, not a recent one', () => {
    const old = { ...server('BUILD', 'building', 'spawning'), updated: '2026-03-01T11:30:00Z' };
    const recent = { ...server('BUILD', 'building', 'spawning'), updated: '2026-03-01T11:58:00Z' };
    expect(troubleOf(old, now)).toMatchObject({ kind: 'stuck', status: 'BUILD', task: 'spawning', sinceMs: 30 * 60_000 });
    expect(troubleOf(recent, now)).toBeNull();
    expect(troubleOf({ ...ACTIVE, updated: '2020-01-01T00:00:00Z' }, now)).toBeNull();
  });

  it('takes thresholds per status', () => {
    const rebooting = { ...server('REBOOT', 'active', 'reboot_started'), updated: '2026-03-01T11:55:00Z' };
    expect(troubleOf(rebooting, now)).toBeNull();
    expect(troubleOf(rebooting, now, { default: 60_000 })).toMatchObject({ kind: 'stuck' });
  });
});
