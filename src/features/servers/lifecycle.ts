/**
 * What a server's state allows, as Nova decides it (compute/api.py's check_instance_state and
 * check_instance_lock), so the console disables what the API would refuse and says why.
 * Pure functions over the fields of Get Server Detail.
 */
import type { Server } from './schemas';

/** Everything the console can do to a server. */
export type ServerOperation =
  | 'start'
  | 'stop'
  | 'reboot-soft'
  | 'reboot-hard'
  | 'lock'
  | 'unlock'
  | 'delete'
  | 'resize'
  | 'confirm-resize'
  | 'revert-resize'
  | 'rebuild'
  | 'create-image'
  | 'console-output'
  | 'metadata'
  | 'tags'
  | 'attach-volume'
  | 'detach-volume'
  | 'attach-interface'
  | 'detach-interface'
  | 'rename';

export const SERVER_OPERATIONS: readonly ServerOperation[] = [
  'start',
  'stop',
  'reboot-soft',
  'reboot-hard',
  'lock',
  'unlock',
  'delete',
  'resize',
  'confirm-resize',
  'revert-resize',
  'rebuild',
  'create-image',
  'console-output',
  'metadata',
  'tags',
  'attach-volume',
  'detach-volume',
  'attach-interface',
  'detach-interface',
  'rename',
];

/** Why an operation is not available: i18n key `servers.reason.<reason>`. */
export type BlockReason = 'locked' | 'state' | 'busy' | 'alreadyLocked' | 'notLocked' | 'deleted' | 'notReady';

export type Availability = { allowed: true } | { allowed: false; reason: BlockReason };

/** The part of a server the rules read. */
export type ServerState = Pick<Server, 'status'> &
  Partial<Pick<Server, 'locked' | 'OS-EXT-STS:vm_state' | 'OS-EXT-STS:task_state' | 'updated' | 'fault'>>;

export interface Actor {
  /** Admins pass the lock check (Nova's check_instance_lock). */
  isAdmin: boolean;
}

/** Statuses of table 4-2 (plus Nova's) in which the server is between states. */
const TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set([
  'BUILD',
  'REBOOT',
  'HARD_REBOOT',
  'REBUILD',
  'RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'PASSWORD',
]);

/** vm_state and task_state when the cloud sends only `status` (no extended status attributes). */
const STATUS_TO_STATE: Record<string, { vm: string; task: string | null }> = {
  ACTIVE: { vm: 'active', task: null },
  BUILD: { vm: 'building', task: 'scheduling' },
  REBOOT: { vm: 'active', task: 'rebooting' },
  HARD_REBOOT: { vm: 'active', task: 'rebooting_hard' },
  REBUILD: { vm: 'active', task: 'rebuilding' },
  RESIZE: { vm: 'active', task: 'resize_prep' },
  REVERT_RESIZE: { vm: 'resized', task: 'resize_reverting' },
  VERIFY_RESIZE: { vm: 'resized', task: null },
  MIGRATING: { vm: 'active', task: 'migrating' },
  PASSWORD: { vm: 'active', task: 'update_password' },
  SHUTOFF: { vm: 'stopped', task: null },
  PAUSED: { vm: 'paused', task: null },
  SUSPENDED: { vm: 'suspended', task: null },
  RESCUE: { vm: 'rescued', task: null },
  SHELVED: { vm: 'shelved', task: null },
  SHELVED_OFFLOADED: { vm: 'shelved_offloaded', task: null },
  ERROR: { vm: 'error', task: null },
  DELETED: { vm: 'deleted', task: null },
  SOFT_DELETED: { vm: 'soft_deleted', task: null },
};

export function vmStateOf(server: ServerState): string {
  return server['OS-EXT-STS:vm_state'] ?? STATUS_TO_STATE[server.status.toUpperCase()]?.vm ?? 'unknown';
}

function taskStateOf(server: ServerState): string | null {
  if (server['OS-EXT-STS:vm_state'] !== undefined) return server['OS-EXT-STS:task_state'] ?? null;
  return server['OS-EXT-STS:task_state'] ?? STATUS_TO_STATE[server.status.toUpperCase()]?.task ?? null;
}

/** The server is between states: a task runs or the status is a transitional one. */
export function isTransitional(server: ServerState): boolean {
  return taskStateOf(server) !== null || TRANSITIONAL_STATUSES.has(server.status.toUpperCase());
}

export function anyTransitional(servers: readonly ServerState[] | undefined): boolean {
  return Boolean(servers?.some(isTransitional));
}

interface Rule {
  vm: readonly string[];
  /** Allowed task states; undefined = any. */
  task?: readonly (string | null)[];
  /** Refused for members while the server is locked. */
  lock: boolean;
}

const IDLE = [null] as const;
const REBOOTING = [
  null,
  'rebooting',
  'reboot_pending',
  'reboot_started',
  'rebooting_hard',
  'reboot_pending_hard',
  'reboot_started_hard',
] as const;
const ANY_LIVE = [
  'active',
  'building',
  'stopped',
  'resized',
  'paused',
  'suspended',
  'error',
  'rescued',
  'shelved',
  'shelved_offloaded',
  'soft_deleted',
];

/** Nova's rules per operation (the embedded cloud's `RULES` mirror the same code). */
const RULES: Record<Exclude<ServerOperation, 'lock' | 'unlock'>, Rule> = {
  start: { vm: ['stopped'], task: IDLE, lock: true },
  stop: { vm: ['active', 'error'], task: IDLE, lock: true },
  'reboot-soft': { vm: ['active'], task: IDLE, lock: true },
  'reboot-hard': { vm: ['active', 'stopped', 'paused', 'suspended', 'error'], task: REBOOTING, lock: true },
  delete: {
    vm: ['active', 'building', 'stopped', 'resized', 'paused', 'suspended', 'error', 'soft_deleted', 'rescued', 'shelved', 'shelved_offloaded'],
    lock: true,
  },
  resize: { vm: ['active', 'stopped'], task: IDLE, lock: true },
  'confirm-resize': { vm: ['resized'], lock: true },
  'revert-resize': { vm: ['resized'], task: IDLE, lock: true },
  rebuild: { vm: ['active', 'stopped', 'error'], task: IDLE, lock: true },
  // Spec 5.5: an ERROR server cannot be captured; Nova does not check the lock here.
  'create-image': { vm: ['active', 'stopped', 'paused', 'suspended'], task: IDLE, lock: false },
  // A console exists once a host took the server (Nova's InstanceNotReady otherwise).
  'console-output': { vm: ['active', 'stopped', 'resized', 'paused', 'suspended', 'error', 'rescued'], lock: false },
  metadata: { vm: ['active', 'paused', 'suspended', 'stopped'], lock: true },
  tags: { vm: ['active', 'paused', 'suspended', 'stopped'], task: IDLE, lock: false },
  'attach-volume': { vm: ['active', 'stopped', 'resized'], task: IDLE, lock: true },
  'detach-volume': { vm: ['active', 'stopped', 'resized'], task: IDLE, lock: true },
  'attach-interface': { vm: ['active', 'paused', 'stopped'], task: IDLE, lock: true },
  'detach-interface': { vm: ['active', 'paused', 'stopped'], task: IDLE, lock: true },
  rename: { vm: ANY_LIVE, lock: false },
};

const ALLOWED: Availability = { allowed: true };
const blocked = (reason: BlockReason): Availability => ({ allowed: false, reason });

/**
 * Whether `operation` may run on `server` for this actor, and if not, why. The lock is
 * checked before the state only where Nova does it too (the API answers "locked" first).
 */
export function availability(server: ServerState, operation: ServerOperation, actor: Actor): Availability {
  const vm = vmStateOf(server);
  if (vm === 'deleted' || server.status.toUpperCase() === 'DELETED') return blocked('deleted');
  const task = taskStateOf(server);
  if (task === 'deleting') return blocked('busy');
  const locked = server.locked === true;
  if (operation === 'lock') return locked ? blocked('alreadyLocked') : ALLOWED;
  if (operation === 'unlock') return locked ? ALLOWED : blocked('notLocked');
  const rule = RULES[operation];
  if (rule.lock && locked && !actor.isAdmin) return blocked('locked');
  if (!rule.vm.includes(vm)) return blocked(vm === 'building' && operation === 'console-output' ? 'notReady' : 'state');
  if (rule.task && !rule.task.includes(task)) return blocked('busy');
  return ALLOWED;
}

function isAllowed(server: ServerState, operation: ServerOperation, actor: Actor): boolean {
  return availability(server, operation, actor).allowed;
}

/** Every operation this server allows now. */
export function allowedOperations(server: ServerState, actor: Actor): Set<ServerOperation> {
  return new Set(SERVER_OPERATIONS.filter((operation) => isAllowed(server, operation, actor)));
}

/**
 * Splits a selection into the servers an operation can run on and the skipped ones grouped
 * by reason, so a bulk action can say "7 of 9: 2 skipped, locked".
 */
export function partitionByAvailability<T extends ServerState>(
  servers: readonly T[],
  operation: ServerOperation,
  actor: Actor,
): { eligible: T[]; skipped: Array<{ server: T; reason: BlockReason }> } {
  const eligible: T[] = [];
  const skipped: Array<{ server: T; reason: BlockReason }> = [];
  for (const server of servers) {
    const result = availability(server, operation, actor);
    if (result.allowed) eligible.push(server);
    else skipped.push({ server, reason: result.reason });
  }
  return { eligible, skipped };
}

// ---- stuck servers ------------------------------------------------------------------------

/** How long a transitional state may last before the console flags it, by status (ms). */
const DEFAULT_STUCK_AFTER_MS: Readonly<Record<string, number>> = {
  BUILD: 15 * 60_000,
  RESIZE: 30 * 60_000,
  MIGRATING: 30 * 60_000,
  REBUILD: 20 * 60_000,
  default: 10 * 60_000,
};

export type Trouble =
  | { kind: 'error'; message?: string; since?: string }
  | { kind: 'stuck'; status: string; task: string | null; sinceMs: number };

/**
 * A server needs attention when it is in ERROR (with the fault's message), or when it has
 * been in a transitional state longer than the threshold for that state (measured from
 * `updated`, which the cloud moves at every task change).
 */
export function troubleOf(
  server: ServerState,
  nowMs: number,
  thresholds: Readonly<Record<string, number>> = DEFAULT_STUCK_AFTER_MS,
): Trouble | null {
  const status = server.status.toUpperCase();
  if (status === 'ERROR') return { kind: 'error', message: server.fault?.message, since: server.fault?.created };
  if (!isTransitional(server) || !server.updated) return null;
  const since = Date.parse(server.updated);
  if (Number.isNaN(since)) return null;
  const limit = thresholds[status] ?? thresholds.default ?? DEFAULT_STUCK_AFTER_MS.default;
  const elapsed = nowMs - since;
  return elapsed > limit ? { kind: 'stuck', status, task: taskStateOf(server), sinceMs: elapsed } : null;
}

/**
 * The i18n key suffix of the task in progress (`servers.task.<key>`), grouping Nova's
 * fine-grained task states: reboot_pending and reboot_started both read "Rebooting".
 */
export function taskLabelKey(server: ServerState): string | null {
  const task = taskStateOf(server);
  if (!task) return null;
  if (task.startsWith('reboot') && task.endsWith('hard')) return 'rebootingHard';
  if (task.startsWith('reboot')) return 'rebooting';
  if (task.startsWith('rebuild')) return 'rebuilding';
  if (task === 'resize_reverting') return 'reverting';
  if (task.startsWith('resize')) return 'resizing';
  if (task.startsWith('image_')) return 'imaging';
  const known: Record<string, string> = {
    scheduling: 'scheduling',
    block_device_mapping: 'blockDeviceMapping',
    networking: 'networking',
    spawning: 'spawning',
    'powering-off': 'poweringOff',
    'powering-on': 'poweringOn',
    deleting: 'deleting',
    migrating: 'migrating',
    update_password: 'password',
    pausing: 'pausing',
    unpausing: 'unpausing',
    suspending: 'suspending',
    resuming: 'resuming',
  };
  return known[task] ?? 'other';
}
