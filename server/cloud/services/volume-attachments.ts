import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { RULES, checkLock, checkState } from '../lifecycle/states.ts';
import { attachmentsOfServers, getVolume, type Attachment } from '../repositories/volumes.ts';
import { findServer, recordRequest } from './servers.ts';
import { attachVolume, detachVolume } from './volumes.ts';

// Chapter 12: volumes attached to a server.

const attachmentsOf = (db: Db, serverId: string) => attachmentsOfServers(db, [serverId]).get(serverId) ?? [];

/** The next free /dev/vdX after the server's devices (vda is the root disk). */
function nextDevice(used: string[]): string {
  const letters = new Set(used.map((d) => d.replace(/^\/dev\/(x?v|s|h)?d/, '').replace(/\d+$/, '')));
  for (let c = 1; c < 26; c++) {
    const l = String.fromCharCode(97 + c);
    if (!letters.has(l)) return `/dev/vd${l}`;
  }
  throw badRequest('No free disk device names for prefix /dev/vd');
}

export const attachmentsOfServer = (db: Db, ctx: RequestContext, serverId: string): Attachment[] =>
  attachmentsOf(db, findServer(db, ctx, serverId).id);

export function attachmentOf(db: Db, ctx: RequestContext, serverId: string, volumeId: string): Attachment {
  const a = attachmentsOfServer(db, ctx, serverId).find((x) => x.volumeId === volumeId);
  if (!a) throw notFound(`volume_id not found: ${volumeId}`);
  return a;
}

/** 12.1: volume and server must share the availability zone (spec 12.1: cross_az_attach off). */
export function attachToServer(db: Db, ctx: RequestContext, serverId: string, r: { volumeId: string; device?: string | null }): Attachment {
  const device = r.device ?? undefined;
  return db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    checkLock(server, ctx.isAdmin);
    checkState(server, RULES.attachVolume, 'attach_volume');
    const volume = getVolume(db, server.project_id, r.volumeId);
    if (!volume) throw notFound(`Volume ${r.volumeId} could not be found.`);
    if (volume.availability_zone !== server.availability_zone) {
      throw badRequest(
        `Server and volumes are not in the same availability zone. Server is in: ${server.availability_zone}. Volumes are in: ${volume.availability_zone}`,
      );
    }
    const used = attachmentsOf(db, server.id).map((a) => a.device);
    if (device && used.includes(device)) throw conflict(`The supplied device path (${device}) is in use.`);
    const a = attachVolume(db, { volumeId: r.volumeId, serverId: server.id, device: device ?? nextDevice(used) });
    recordRequest(db, ctx, server.id, 'attach_volume', 'compute_attach_volume', true);
    return a;
  })();
}

/** 12.4: spec 12.2, the system disk comes off a stopped server only. */
export function detachFromServer(db: Db, ctx: RequestContext, serverId: string, volumeId: string): void {
  db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    checkLock(server, ctx.isAdmin);
    checkState(server, RULES.detachVolume, 'detach_volume');
    const a = attachmentsOf(db, server.id).find((x) => x.volumeId === volumeId);
    if (!a) throw notFound(`Volume ${volumeId} is not attached to the instance ${server.id}`);
    if (server.image_id === null && a.device === server.root_device_name && server.vm_state !== 'stopped') {
      throw badRequest("Can't detach root device volume");
    }
    detachVolume(db, a.volumeId, server.id);
    recordRequest(db, ctx, server.id, 'detach_volume', 'compute_detach_volume', true);
  })();
}
