import { conflict, invalidState } from '../errors.ts';

// Nova's vm_state / task_state / power_state and the API status derived from them
// (nova/api/openstack/common.py _STATE_MAP).

export const POWER = { NOSTATE: 0, RUNNING: 1, PAUSED: 3, SHUTDOWN: 4, CRASHED: 6, SUSPENDED: 7 } as const;

const STATE_MAP: Record<string, Record<string, string>> = {
  active: {
    default: 'ACTIVE',
    rebooting: 'REBOOT',
    reboot_pending: 'REBOOT',
    reboot_started: 'REBOOT',
    rebooting_hard: 'HARD_REBOOT',
    reboot_pending_hard: 'HARD_REBOOT',
    reboot_started_hard: 'HARD_REBOOT',
    update_password: 'PASSWORD',
    rebuilding: 'REBUILD',
    rebuild_block_device_mapping: 'REBUILD',
    rebuild_spawning: 'REBUILD',
    migrating: 'MIGRATING',
    resize_prep: 'RESIZE',
    resize_migrating: 'RESIZE',
    resize_migrated: 'RESIZE',
    resize_finish: 'RESIZE',
  },
  building: { default: 'BUILD' },
  stopped: {
    default: 'SHUTOFF',
    resize_prep: 'RESIZE',
    resize_migrating: 'RESIZE',
    resize_migrated: 'RESIZE',
    resize_finish: 'RESIZE',
    rebuilding: 'REBUILD',
    rebuild_block_device_mapping: 'REBUILD',
    rebuild_spawning: 'REBUILD',
  },
  resized: { default: 'VERIFY_RESIZE', resize_reverting: 'REVERT_RESIZE' },
  paused: { default: 'PAUSED' },
  suspended: { default: 'SUSPENDED' },
  error: { default: 'ERROR', rebuilding: 'REBUILD', rebuild_block_device_mapping: 'REBUILD', rebuild_spawning: 'REBUILD' },
  deleted: { default: 'DELETED' },
  soft_deleted: { default: 'SOFT_DELETED' },
};

export function statusOf(vmState: string, taskState: string | null): string {
  const states = STATE_MAP[vmState];
  if (!states) return 'UNKNOWN';
  return (taskState && states[taskState]) || states.default;
}

/** What a server row must be in for an action (Nova's @check_instance_state). */
export interface StateRule {
  vm: readonly string[];
  /** Allowed task states; undefined = any. */
  task?: readonly (string | null)[];
}

export const RULES = {
  softReboot: { vm: ['active'], task: [null] },
  hardReboot: {
    vm: ['active', 'stopped', 'paused', 'suspended', 'error'],
    task: [null, 'rebooting', 'reboot_pending', 'reboot_started', 'rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'],
  },
  stop: { vm: ['active', 'error'], task: [null] },
  start: { vm: ['stopped'], task: [null] },
  resize: { vm: ['active', 'stopped'], task: [null] },
  confirmResize: { vm: ['resized'] },
  revertResize: { vm: ['resized'], task: [null] },
  rebuild: { vm: ['active', 'stopped', 'error'], task: [null] },
  createImage: { vm: ['active', 'stopped', 'paused', 'suspended'], task: [null] },
  metadata: { vm: ['active', 'paused', 'suspended', 'stopped'] },
  tags: { vm: ['active', 'paused', 'suspended', 'stopped'], task: [null] },
  attachVolume: { vm: ['active', 'stopped', 'resized'], task: [null] },
  detachVolume: { vm: ['active', 'stopped', 'resized'], task: [null] },
  interface: { vm: ['active', 'paused', 'stopped'], task: [null] },
  delete: { vm: ['active', 'building', 'stopped', 'resized', 'paused', 'suspended', 'error', 'soft_deleted'], task: undefined },
} satisfies Record<string, StateRule>;

/** Throws Nova's 409 when the server is not in a state the action allows (vm_state checked first). */
export function checkState(
  server: { id: string; vm_state: string; task_state: string | null },
  rule: StateRule,
  action: string,
): void {
  if (!rule.vm.includes(server.vm_state)) throw invalidState('vm_state', server.vm_state, action, server.id);
  if (rule.task && !rule.task.includes(server.task_state)) {
    throw invalidState('task_state', server.task_state ?? 'None', action, server.id);
  }
}

/** Nova's check_instance_lock: a locked server refuses members, not admins. */
export function checkLock(server: { id: string; locked_by: string | null }, isAdmin: boolean): void {
  if (server.locked_by && !isAdmin) throw conflict(`Instance ${server.id} is locked`);
}
