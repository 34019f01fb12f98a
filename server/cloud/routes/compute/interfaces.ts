import type { FastifyInstance } from 'fastify';
import { interfaceSchemas as schemas } from '../../schemas/server-interfaces.ts';
import { attachInterface, detachInterface, interfaceOf, interfacesOf, type InterfaceRequest } from '../../services/server-interfaces.ts';
import { interfaceView } from '../../views/server-records.ts';

type ServerParams = { Params: { server_id: string } };
type PortParams = { Params: { server_id: string; port_id: string } };

// Chapter 13: a server's network interfaces (its ports).
export default async function interfaceRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<ServerParams>('/servers/:server_id/os-interface', { schema: schemas.list }, async (req) => ({
    interfaceAttachments: interfacesOf(db, req.ctx, req.params.server_id).map(interfaceView),
  }));

  app.get<PortParams>('/servers/:server_id/os-interface/:port_id', { schema: schemas.show }, async (req) => ({
    interfaceAttachment: interfaceView(interfaceOf(db, req.ctx, req.params.server_id, req.params.port_id)),
  }));

  // An absent body, or interfaceAttachment, is the project's only network.
  app.post<ServerParams & { Body: { interfaceAttachment?: InterfaceRequest | null } | null }>(
    '/servers/:server_id/os-interface',
    { schema: schemas.create },
    async (req) => ({
      interfaceAttachment: interfaceView(attachInterface(db, req.ctx, req.params.server_id, req.body?.interfaceAttachment ?? {})),
    }),
  );

  app.delete<PortParams>('/servers/:server_id/os-interface/:port_id', { schema: schemas.delete }, async (req, reply) => {
    detachInterface(db, req.ctx, req.params.server_id, req.params.port_id);
    return reply.code(202).send();
  });
}
