import type { FastifyInstance } from 'fastify';
import { findServer, recordRequest, type ServerParams } from '../../compute/access.ts';
import { RULES, checkLock, checkState } from '../../lifecycle/states.ts';
import { checkString, envelope, onlyKeys, requireKeys, str } from '../../compute/validation.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { attachmentsOfServers, getVolume, type Attachment } from '../../repositories/volumes.ts';
import { attachVolume, detachVolume } from '../../services/volumes.ts';

type VolumeParams = ServerParams & { volume_id: string };
const DEVICE = /(^\/dev\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$/;

const view = (a: Attachment) => ({ id: a.id, serverId: a.serverId, volumeId: a.volumeId, device: a.device });

/** The next free /dev/vdX after the server's devices (vda is the root disk). */
function nextDevice(used: string[]): string {
  const letters = new Set(used.map((d) => d.replace(/^\/dev\/(x?v|s|h)?d/, '').replace(/\d+$/, '')));
  for (let c = 1; c < 26; c++) {
    const l = String.fromCharCode(97 + c);
    if (!letters.has(l)) return `/dev/vd${l}`;
  }
  throw badRequest('No free disk device names for prefix /dev/vd');
}

// Chapter 12: volumes attached to a server, through the resources area's volume functions.
export default async function volumeAttachmentRoutes(app: FastifyInstance) {
  const db = app.db;
  const attachmentsOf = (serverId: string) => attachmentsOfServers(db, [serverId]).get(serverId) ?? [];

  app.get<{ Params: ServerParams }>('/servers/:server_id/os-volume_attachments', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    return { volumeAttachments: attachmentsOf(server.id).map(view) };
  });

  app.get<{ Params: VolumeParams }>('/servers/:server_id/os-volume_attachments/:volume_id', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    const a = attachmentsOf(server.id).find((x) => x.volumeId === req.params.volume_id);
    if (!a) throw notFound(`volume_id not found: ${req.params.volume_id}`);
    return { volumeAttachment: view(a) };
  });

  app.post<{ Params: ServerParams }>('/servers/:server_id/os-volume_attachments', async (req) => {
    const body = envelope(req.body, 'volumeAttachment');
    onlyKeys(body, ['volumeId', 'device'], 'volumeAttachment');
    requireKeys(body, ['volumeId'], 'volumeAttachment');
    const volumeId = str(body, 'volumeId', { format: 'uuid' })!;
    const device = str(body, 'device', { nullable: true });
    if (device !== undefined) checkString('device', device, { pattern: DEVICE });
    const attachment = db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      checkLock(server, req.ctx.isAdmin);
      checkState(server, RULES.attachVolume, 'attach_volume');
      const volume = getVolume(db, server.project_id, volumeId);
      if (!volume) throw notFound(`Volume ${volumeId} could not be found.`);
      // Spec 12.1: volume and server must share the availability zone (cross_az_attach off).
      if (volume.availability_zone !== server.availability_zone) {
        throw badRequest(
          `Server and volumes are not in the same availability zone. Server is in: ${server.availability_zone}. Volumes are in: ${volume.availability_zone}`,
        );
      }
      const used = attachmentsOf(server.id).map((a) => a.device);
      if (device && used.includes(device)) throw conflict(`The supplied device path (${device}) is in use.`);
      const a = attachVolume(db, { volumeId, serverId: server.id, device: device ?? nextDevice(used) });
      recordRequest(db, req.ctx, server.id, 'attach_volume', 'compute_attach_volume', true);
      return a;
    })();
    return { volumeAttachment: view(attachment) };
  });

  app.delete<{ Params: VolumeParams }>('/servers/:server_id/os-volume_attachments/:volume_id', async (req, reply) => {
    db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      checkLock(server, req.ctx.isAdmin);
      checkState(server, RULES.detachVolume, 'detach_volume');
      const a = attachmentsOf(server.id).find((x) => x.volumeId === req.params.volume_id);
      if (!a) throw notFound(`Volume ${req.params.volume_id} is not attached to the instance ${server.id}`);
      // Spec 12.2: the system disk comes off a stopped server only.
      if (server.image_id === null && a.device === server.root_device_name && server.vm_state !== 'stopped') {
        throw badRequest("Can't detach root device volume");
      }
      detachVolume(db, a.volumeId, server.id);
      recordRequest(db, req.ctx, server.id, 'detach_volume', 'compute_detach_volume', true);
    })();
    return reply.code(202).send();
  });
}
