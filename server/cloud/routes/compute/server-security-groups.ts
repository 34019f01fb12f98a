import type { FastifyInstance } from 'fastify';
import { findServer, type ServerParams } from '../../compute/access.ts';
import { securityGroupsOfServers, securityGroupsWithRules } from '../../repositories/security-groups.ts';
import { novaSecurityGroup } from '../../views/security-groups.ts';

// Section 22.6: the security groups of one server, with their rules.
export default async function serverSecurityGroupRoutes(app: FastifyInstance) {
  const db = app.db;
  app.get<{ Params: ServerParams }>('/servers/:server_id/os-security-groups', async (req) => {
    const server = findServer(db, req.ctx, req.params.server_id);
    const ids = (securityGroupsOfServers(db, [server.id]).get(server.id) ?? []).map((g) => g.id);
    return { security_groups: securityGroupsWithRules(db, ids).map(novaSecurityGroup) };
  });
}
