import type { FastifyInstance } from 'fastify';
import { volumeAttachmentSchemas as schemas } from '../../schemas/server-interfaces.ts';
import { attachToServer, attachmentOf, attachmentsOfServer, detachFromServer } from '../../services/volume-attachments.ts';
import { volumeAttachmentView } from '../../views/server-records.ts';

type ServerParams = { Params: { server_id: string } };
type VolumeParams = { Params: { server_id: string; volume_id: string } };

// Chapter 12: volumes attached to a server.
export default async function volumeAttachmentRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<ServerParams>('/servers/:server_id/os-volume_attachments', { schema: schemas.list }, async (req) => ({
    volumeAttachments: attachmentsOfServer(db, req.ctx, req.params.server_id).map(volumeAttachmentView),
  }));

  app.get<VolumeParams>('/servers/:server_id/os-volume_attachments/:volume_id', { schema: schemas.show }, async (req) => ({
    volumeAttachment: volumeAttachmentView(attachmentOf(db, req.ctx, req.params.server_id, req.params.volume_id)),
  }));

  app.post<ServerParams & { Body: { volumeAttachment: { volumeId: string; device?: string | null } } }>(
    '/servers/:server_id/os-volume_attachments',
    { schema: schemas.create },
    async (req) => ({ volumeAttachment: volumeAttachmentView(attachToServer(db, req.ctx, req.params.server_id, req.body.volumeAttachment)) }),
  );

  app.delete<VolumeParams>('/servers/:server_id/os-volume_attachments/:volume_id', { schema: schemas.delete }, async (req, reply) => {
    detachFromServer(db, req.ctx, req.params.server_id, req.params.volume_id);
    return reply.code(202).send();
  });
}
