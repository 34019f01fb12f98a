import type { FastifyInstance } from 'fastify';
import { serverRecordSchemas as schemas } from '../../schemas/server-records.ts';
import { securityGroupSchemas } from '../../schemas/security-groups.ts';
import {
  actionOfServer,
  actionsOfServer,
  clearPassword,
  passwordOf,
  portsOfServer,
  portsOfServerOn,
  securityGroupsOfServer,
} from '../../services/server-records.ts';
import { novaSecurityGroup } from '../../views/security-groups.ts';
import { instanceActionDetail, instanceActionView } from '../../views/server-records.ts';
import { addressesOf } from '../../views/servers.ts';

type ServerParams = { Params: { server_id: string } };

// What the cloud keeps about a server: its addresses (9), instance actions (11), password
// (17) and security groups (22.6).
export default async function serverRecordRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<ServerParams>('/servers/:server_id/ips', { schema: schemas.ips }, async (req) => ({
    addresses: addressesOf(portsOfServer(db, req.ctx, req.params.server_id), false),
  }));

  app.get<{ Params: { server_id: string; network_name: string } }>('/servers/:server_id/ips/:network_name', { schema: schemas.ipsOfNetwork }, async (req) =>
    addressesOf(portsOfServerOn(db, req.ctx, req.params.server_id, req.params.network_name), false),
  );

  app.get<ServerParams>('/servers/:server_id/os-instance-actions', { schema: schemas.actions }, async (req) => ({
    instanceActions: actionsOfServer(db, req.ctx, req.params.server_id).map(instanceActionView),
  }));

  app.get<{ Params: { server_id: string; request_id: string } }>('/servers/:server_id/os-instance-actions/:request_id', { schema: schemas.action }, async (req) => ({
    instanceAction: instanceActionDetail(actionOfServer(db, req.ctx, req.params.server_id, req.params.request_id)),
  }));

  app.get<ServerParams>('/servers/:server_id/os-server-password', { schema: schemas.password }, async (req) => ({
    password: passwordOf(db, req.ctx, req.params.server_id),
  }));

  app.delete<ServerParams>('/servers/:server_id/os-server-password', { schema: schemas.clearPassword }, async (req, reply) => {
    clearPassword(db, req.ctx, req.params.server_id);
    return reply.code(204).send();
  });

  app.get<ServerParams>('/servers/:server_id/os-security-groups', { schema: { ...schemas.securityGroups, response: securityGroupSchemas.list.response } }, async (req) => ({
    security_groups: securityGroupsOfServer(db, req.ctx, req.params.server_id).map(novaSecurityGroup),
  }));
}
