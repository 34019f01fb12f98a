import type { Db } from '../db/database.ts';
import { stmt } from '../db/statements.ts';
import { microTime } from '../ids.ts';

export interface ActionRow {
  id: number;
  server_id: string;
  request_id: string;
  action: string;
  project_id: string;
  user_id: string;
  start_time: string;
  start_ms: number;
  message: string | null;
}

export interface EventRow {
  id: number;
  action_id: number;
  event: string;
  start_time: string;
  finish_time: string | null;
  finish_ms: number | null;
  result: string | null;
  traceback: string | null;
}


/**
 * Records an instance action for a request and, when `event` is given, its first event
 * (left open until the lifecycle engine finishes it). Returns the action id.
 */
export function recordAction(
  db: Db,
  a: { serverId: string; requestId: string; action: string; projectId: string; userId: string; nowMs: number; event?: string; finished?: boolean },
): number {
  const id = Number(
    stmt(db, 'INSERT INTO instance_actions (server_id, request_id, action, project_id, user_id, start_time, start_ms) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      a.serverId,
      a.requestId,
      a.action,
      a.projectId,
      a.userId,
      microTime(a.nowMs),
      a.nowMs,
    ).lastInsertRowid,
  );
  if (a.event) startEvent(db, id, a.event, a.nowMs, a.finished ? 'Success' : undefined);
  return id;
}

export function startEvent(db: Db, actionId: number, event: string, nowMs: number, finishedResult?: string): void {
  stmt(db, 'INSERT INTO instance_action_events (action_id, event, start_time, finish_time, finish_ms, result) VALUES (?, ?, ?, ?, ?, ?)').run(
    actionId,
    event,
    microTime(nowMs),
    finishedResult ? microTime(nowMs) : null,
    finishedResult ? nowMs : null,
    finishedResult ?? null,
  );
}

/** Closes the action's open events; an error also marks the action's message, as Nova does. */
export function finishEvents(db: Db, actionId: number, nowMs: number, result: 'Success' | 'Error', traceback?: string): void {
  stmt(db, 'UPDATE instance_action_events SET finish_time = ?, finish_ms = ?, result = ?, traceback = ? WHERE action_id = ? AND finish_time IS NULL').run(
    microTime(nowMs),
    nowMs,
    result,
    traceback ?? null,
    actionId,
  );
  if (result === 'Error') stmt(db, "UPDATE instance_actions SET message = 'Error' WHERE id = ?").run(actionId);
}

/** Newest first, as Nova lists them. */
export function actionsOf(db: Db, serverId: string): ActionRow[] {
  return stmt(db, 'SELECT * FROM instance_actions WHERE server_id = ? ORDER BY start_ms DESC, id DESC').all(serverId) as ActionRow[];
}

/** Oldest first, with their events: the history the boot log is written from. */
export function historyOf(db: Db, serverId: string): { action: ActionRow; events: EventRow[] }[] {
  const actions = stmt(db, 'SELECT * FROM instance_actions WHERE server_id = ? ORDER BY start_ms, id').all(serverId) as ActionRow[];
  const events = stmt(
    db,
    'SELECT e.* FROM instance_action_events e JOIN instance_actions a ON a.id = e.action_id WHERE a.server_id = ? ORDER BY e.id',
  ).all(serverId) as EventRow[];
  return actions.map((action) => ({ action, events: events.filter((e) => e.action_id === action.id) }));
}

export function actionByRequest(db: Db, serverId: string, requestId: string): ActionRow | undefined {
  return stmt(db, 'SELECT * FROM instance_actions WHERE server_id = ? AND request_id = ? ORDER BY id DESC LIMIT 1').get(serverId, requestId) as
    | ActionRow
    | undefined;
}

export function eventsOf(db: Db, actionId: number): EventRow[] {
  return stmt(db, 'SELECT * FROM instance_action_events WHERE action_id = ? ORDER BY id').all(actionId) as EventRow[];
}
