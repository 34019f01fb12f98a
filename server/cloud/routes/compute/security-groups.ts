import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { PROXY_API, versionRange } from '../../plugins/microversion.ts';
import { securityGroupSchemas as schemas } from '../../schemas/security-groups.ts';
import { createSecurityGroupRule, deleteSecurityGroupRule, type RuleRequest } from '../../services/security-group-rules.ts';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  listSecurityGroupsFor,
  showSecurityGroup,
  updateSecurityGroup,
  type GroupFields,
} from '../../services/security-groups.ts';
import { novaRule, novaSecurityGroup } from '../../views/security-groups.ts';

type GroupParams = { Params: { security_group_id: string } };
type GroupBody = { security_group: GroupFields };

/** Chapter 22 (but 22.6, with the server's routes): Nova's security group proxy over Neutron semantics. */
export default async function securityGroupRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db } = app;

  app.get<{ Querystring: Query }>('/os-security-groups', { schema: schemas.list }, async (req) => ({
    security_groups: listSecurityGroupsFor(db, req.ctx, req.query).map(novaSecurityGroup),
  }));

  app.post<{ Body: GroupBody }>('/os-security-groups', { schema: schemas.create }, async (req) => ({
    security_group: novaSecurityGroup(createSecurityGroup(db, req.ctx.projectId, req.body.security_group)),
  }));

  app.get<GroupParams>('/os-security-groups/:security_group_id', { schema: schemas.show }, async (req) => ({
    security_group: novaSecurityGroup(showSecurityGroup(db, req.ctx, req.params.security_group_id)),
  }));

  app.put<GroupParams & { Body: GroupBody }>('/os-security-groups/:security_group_id', { schema: schemas.update }, async (req) => ({
    security_group: novaSecurityGroup(updateSecurityGroup(db, req.ctx, req.params.security_group_id, req.body.security_group)),
  }));

  app.delete<GroupParams>('/os-security-groups/:security_group_id', { schema: schemas.delete }, async (req, reply) => {
    deleteSecurityGroup(db, req.ctx, req.params.security_group_id);
    return reply.code(202).send();
  });

  app.post<{ Body: { security_group_rule: RuleRequest } }>('/os-security-group-rules', { schema: schemas.createRule }, async (req) => ({
    security_group_rule: novaRule(createSecurityGroupRule(db, req.ctx.projectId, req.body.security_group_rule)),
  }));

  app.delete<{ Params: { security_group_rule_id: string } }>('/os-security-group-rules/:security_group_rule_id', { schema: schemas.deleteRule }, async (req, reply) => {
    deleteSecurityGroupRule(db, req.ctx.projectId, req.params.security_group_rule_id);
    return reply.code(202).send();
  });
}
