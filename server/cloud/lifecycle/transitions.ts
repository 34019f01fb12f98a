import type { Db } from '../db/database.ts';
import { isoNow, microTime } from '../ids.ts';
import { getFlavor } from '../repositories/flavors.ts';
import { finishEvents, startEvent } from '../repositories/instance-actions.ts';
import { releaseServerPorts } from '../repositories/ports.ts';
import { releaseServerSecurityGroups } from '../repositories/security-groups.ts';
import { updateServer, type ServerRow } from '../repositories/servers.ts';
import { releaseServerVolumes } from '../repositories/volumes.ts';
import { encryptPassword } from './guest-password.ts';
import { POWER } from './states.ts';

/**
 * The server state machine. An operation is a sequence of task_states, each taking an
 * equal share of `transitionMs`; the row carries the operation in `task_payload` and the end
 * of the current step in `due_at`, so the engine (engine.ts) can resume it after a restart.
 */
export type Op =
  | 'build'
  | 'reboot'
  | 'reboot_hard'
  | 'stop'
  | 'start'
  | 'resize'
  | 'confirm_resize'
  | 'revert_resize'
  | 'rebuild'
  | 'snapshot'
  | 'delete';

interface Plan {
  /** Task states in turn; null: Nova shows none while it works (the API's status does not move). */
  tasks: Array<string | null>;
  /** The compute events Nova records for the operation, one per phase. */
  events: string[];
}

const PLANS: Record<Op, Plan> = {
  build: { tasks: ['scheduling', 'block_device_mapping', 'networking', 'spawning'], events: ['compute_build_and_run_instance'] },
  reboot: { tasks: ['reboot_pending', 'reboot_started'], events: ['compute_reboot_instance'] },
  reboot_hard: { tasks: ['reboot_pending_hard', 'reboot_started_hard'], events: ['compute_reboot_instance'] },
  stop: { tasks: ['powering-off'], events: ['compute_stop_instance'] },
  start: { tasks: ['powering-on'], events: ['compute_start_instance'] },
  resize: {
    tasks: ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'],
    events: ['compute_prep_resize', 'compute_resize_instance', 'compute_finish_resize'],
  },
  // Nova answers confirmResize 204 and confirms on the compute host later: the server stays
  // VERIFY_RESIZE (no task state, `updated` unchanged) until then.
  confirm_resize: { tasks: [null], events: ['compute_confirm_resize'] },
  revert_resize: { tasks: ['resize_reverting'], events: ['compute_revert_resize', 'compute_finish_revert_resize'] },
  rebuild: { tasks: ['rebuilding', 'rebuild_block_device_mapping', 'rebuild_spawning'], events: ['compute_rebuild_instance'] },
  snapshot: { tasks: ['image_snapshot', 'image_pending_upload', 'image_uploading'], events: ['compute_snapshot_instance'] },
  delete: { tasks: ['deleting'], events: ['compute_terminate_instance'] },
};

export interface Payload {
  op: Op;
  step: number;
  actionId: number;
  /** vm_state before the operation, for the states that return to it (resize, rebuild). */
  from?: string;
  /** build: no host could take the server (anti-affinity exhausted): it ends in ERROR. */
  noValidHost?: boolean;
  /** build/rebuild: the public key to encrypt the admin password with. */
  publicKey?: string | null;
  password?: string;
  /** resize: the flavor the server moves to, taken at the end of the resize. */
  newFlavorId?: string;
}


/**
 * Puts a server into the first step of an operation (the caller holds the transaction). An
 * operation whose first step shows no task state leaves `updated` as it was, as Nova does.
 */
export function beginOp(
  db: Db,
  server: Pick<ServerRow, 'id' | 'updated_at'>,
  op: Op,
  p: Omit<Payload, 'op' | 'step'>,
  nowMs: number,
  transitionMs: number,
  changes: Partial<ServerRow> = {},
): number {
  const plan = PLANS[op];
  const due = nowMs + stepMs(plan, transitionMs);
  updateServer(
    db,
    server.id,
    {
      ...changes,
      task_state: plan.tasks[0],
      task_started_at: nowMs,
      due_at: due,
      task_payload: JSON.stringify({ ...p, op, step: 0 } satisfies Payload),
    },
    plan.tasks[0] === null ? server.updated_at : isoNow(nowMs),
  );
  return due;
}

/** The operation a server is in the middle of, if any. */
export function pendingOp(server: Pick<ServerRow, 'task_payload'>): Op | null {
  return server.task_payload ? (JSON.parse(server.task_payload) as Payload).op : null;
}

const stepMs = (plan: Plan, transitionMs: number) => Math.max(1, Math.round(transitionMs / plan.tasks.length));

/** Moves one server to its next step, or finishes its operation. */
export function advance(db: Db, row: ServerRow, nowMs: number, transitionMs: number): void {
  if (!row.task_payload) {
    updateServer(db, row.id, { due_at: null }, row.updated_at);
    return;
  }
  const p = JSON.parse(row.task_payload) as Payload;
  const plan = PLANS[p.op];
  const step = p.step + 1;
  const ms = stepMs(plan, transitionMs);
  // Phase events: a multi-event operation opens the next event when its share of the steps begins.
  const phase = (s: number) => Math.min(plan.events.length - 1, Math.floor((s * plan.events.length) / plan.tasks.length));
  if (step < plan.tasks.length) {
    if (phase(step) !== phase(p.step)) {
      finishEvents(db, p.actionId, nowMs, 'Success');
      startEvent(db, p.actionId, plan.events[phase(step)], nowMs);
    }
    // Due times stay on the operation's own schedule, so a resumed server catches up at once.
    updateServer(
      db,
      row.id,
      { task_state: plan.tasks[step], due_at: (row.task_started_at ?? nowMs) + ms * (step + 1), task_payload: JSON.stringify({ ...p, step }) },
      isoNow(nowMs),
    );
    return;
  }
  finish(db, row, p, nowMs, transitionMs);
}

const DONE: Partial<ServerRow> = { task_state: null, task_started_at: null, due_at: null, task_payload: null };

function finish(db: Db, row: ServerRow, p: Payload, nowMs: number, transitionMs: number): void {
  const now = isoNow(nowMs);
  const ok = () => finishEvents(db, p.actionId, nowMs, 'Success');
  switch (p.op) {
    case 'build': {
      if (p.noValidHost) {
        const fault = { code: 500, message: 'No valid host was found. There are not enough hosts available.', details: 'NoValidHost', created: now };
        updateServer(db, row.id, { ...DONE, vm_state: 'error', power_state: POWER.NOSTATE, progress: 0, fault: JSON.stringify(fault), pending_password: null }, now);
        finishEvents(db, p.actionId, nowMs, 'Error', 'nova.exception.NoValidHost: No valid host was found. There are not enough hosts available.');
        return;
      }
      updateServer(
        db,
        row.id,
        {
          ...DONE,
          vm_state: 'active',
          power_state: POWER.RUNNING,
          progress: 100,
          launched_at: microTime(nowMs),
          // The guest posts its encrypted password at first boot; the clear text is not kept.
          password: encryptPassword(p.publicKey, row.pending_password ?? ''),
          pending_password: null,
        },
        now,
      );
      return ok();
    }
    case 'reboot':
    case 'reboot_hard':
    case 'start':
      updateServer(db, row.id, { ...DONE, vm_state: 'active', power_state: POWER.RUNNING }, now);
      return ok();
    case 'stop':
      updateServer(db, row.id, { ...DONE, vm_state: 'stopped', power_state: POWER.SHUTDOWN }, now);
      return ok();
    case 'resize':
      // A resized server runs on the new flavor until confirmed or reverted; usage already
      // counts the larger of both flavors, as Nova's allocations hold both until then.
      updateServer(
        db,
        row.id,
        {
          ...DONE,
          vm_state: 'resized',
          power_state: p.from === 'stopped' ? POWER.SHUTDOWN : POWER.RUNNING,
          progress: 100,
          old_flavor_id: row.flavor_id,
          flavor_id: p.newFlavorId ?? row.flavor_id,
        },
        now,
      );
      return ok();
    case 'confirm_resize': {
      // the old flavor's resources are let go: usage is the new flavor's alone
      const flavor = getFlavor(db, row.flavor_id);
      updateServer(
        db,
        row.id,
        {
          ...DONE,
          vm_state: row.power_state === POWER.SHUTDOWN ? 'stopped' : 'active',
          old_flavor_id: null,
          vcpus: flavor?.vcpus ?? row.vcpus,
          memory_mb: flavor?.ram ?? row.memory_mb,
        },
        now,
      );
      return ok();
    }
    case 'revert_resize': {
      const old = row.old_flavor_id ?? row.flavor_id;
      const flavor = getFlavor(db, old);
      const back = p.from === 'stopped' ? 'stopped' : 'active';
      updateServer(
        db,
        row.id,
        {
          ...DONE,
          vm_state: back,
          power_state: back === 'stopped' ? POWER.SHUTDOWN : POWER.RUNNING,
          flavor_id: old,
          old_flavor_id: null,
          vcpus: flavor?.vcpus ?? row.vcpus,
          memory_mb: flavor?.ram ?? row.memory_mb,
        },
        now,
      );
      return ok();
    }
    case 'rebuild': {
      const back = p.from === 'stopped' ? 'stopped' : 'active';
      const changes: Partial<ServerRow> = { ...DONE, vm_state: back, power_state: back === 'stopped' ? POWER.SHUTDOWN : POWER.RUNNING, progress: 100, fault: null };
      if (p.password !== undefined) changes.password = encryptPassword(p.publicKey, p.password);
      updateServer(db, row.id, changes, now);
      return ok();
    }
    case 'snapshot':
      updateServer(db, row.id, { ...DONE }, now);
      return ok();
    case 'delete':
      // Nova soft-deletes the row: `changes-since` still lists it, as DELETED.
      updateServer(
        db,
        row.id,
        { ...DONE, vm_state: 'deleted', power_state: POWER.NOSTATE, deleted: 1, deleted_at: now, terminated_at: microTime(nowMs), locked_by: null },
        now,
      );
      releaseServerPorts(db, row.id);
      releaseServerVolumes(db, row.id, transitionMs);
      releaseServerSecurityGroups(db, row.id);
      return ok();
  }
}
