import type { ActionRow, EventRow } from '../repositories/instance-actions.ts';
import type { Port } from '../repositories/ports.ts';
import type { Attachment } from '../repositories/volumes.ts';

// Nova's views of what hangs off a server: interfaces (13), volume attachments (12),
// instance actions and their events (11).

export const interfaceView = (p: Port) => ({
  port_state: p.port_state,
  fixed_ips: p.fixed_ips.map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
  port_id: p.id,
  net_id: p.network_id,
  mac_addr: p.mac_addr,
});

export const volumeAttachmentView = (a: Attachment) => ({ id: a.id, serverId: a.serverId, volumeId: a.volumeId, device: a.device });

export const instanceActionView = (a: ActionRow) => ({
  action: a.action,
  instance_uuid: a.server_id,
  message: a.message,
  project_id: a.project_id,
  request_id: a.request_id,
  start_time: a.start_time,
  user_id: a.user_id,
});

/** One action with its events (admins'). */
export const instanceActionDetail = ({ action, events }: { action: ActionRow; events?: EventRow[] }) => ({
  ...instanceActionView(action),
  ...(events
    ? { events: events.map((e) => ({ event: e.event, start_time: e.start_time, finish_time: e.finish_time, result: e.result, traceback: e.traceback })) }
    : {}),
});
