import { versionRange } from '../../plugins/microversion.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../../errors.ts';
import {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  getSecurityGroup,
  listSecurityGroups,
  novaRule,
  novaSecurityGroup,
  securityGroupsWithRules,
  updateSecurityGroup,
  validateSecurityGroupId,
  type RuleRequest,
} from '../../repositories/security-groups.ts';
import { limited, stringOrList, PROXY_API } from './proxy-api.ts';
import { securityGroupSchemas } from './resource-schemas.ts';

/**
 * Nova's _from_body: these APIs have no request schema in Nova (unknown keys are
 * ignored), only this presence check.
 */
function fromBody<T>(body: unknown, key: string): T {
  if (body === null || body === undefined || (typeof body === 'object' && Object.keys(body).length === 0)) {
    throw badRequest("The request body can't be empty");
  }
  const value = typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (value === null || value === undefined) throw badRequest(`Missing parameter ${key}`);
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`Invalid input for field/attribute ${key}.`);
  return value as T;
}

/** Nova sorts the groups it shows by (tenant_id, name), after paging. */
const byTenantAndName = (a: { tenant_id: string; name: string }, b: { tenant_id: string; name: string }) =>
  a.tenant_id === b.tenant_id ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.tenant_id < b.tenant_id ? -1 : 1;

const listQuery = { type: 'object', properties: { limit: stringOrList, offset: stringOrList, all_tenants: stringOrList } };
const groupParams = { type: 'object', properties: { security_group_id: { type: 'string' } }, required: ['security_group_id'] };
const ruleParams = { type: 'object', properties: { security_group_rule_id: { type: 'string' } }, required: ['security_group_rule_id'] };
const anyBody = { type: ['object', 'null'] };
type GroupReq = FastifyRequest<{ Params: { security_group_id: string } }>;

/** Chapter 22 (but 22.6, the servers area's): Nova's security group proxy over Neutron semantics. */
export default async function securityGroupRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db } = app;

  app.get('/os-security-groups', { schema: { querystring: listQuery, response: { 200: securityGroupSchemas.list } } }, async (req) => {
    // all_tenants lists every project's groups, for admins only (others get their own).
    const all = req.ctx.isAdmin && (req.query as Record<string, unknown>).all_tenants !== undefined;
    const groups = limited(listSecurityGroups(db, all ? null : req.ctx.projectId), req.query);
    return { security_groups: groups.map(novaSecurityGroup).sort(byTenantAndName) };
  });

  app.post('/os-security-groups', { schema: { body: anyBody, response: { 200: securityGroupSchemas.show } } }, async (req) => {
    const g = fromBody<{ name?: unknown; description?: unknown }>(req.body, 'security_group');
    return { security_group: novaSecurityGroup(createSecurityGroup(db, req.ctx.projectId, g.name, g.description)) };
  });

  const groupOf = (req: GroupReq) => {
    const id = validateSecurityGroupId(req.params.security_group_id);
    const g = getSecurityGroup(db, req.ctx.projectId, id);
    if (!g) throw notFound(`Security group ${id} does not exist`);
    return securityGroupsWithRules(db, [g.id])[0];
  };

  app.get('/os-security-groups/:security_group_id', { schema: { params: groupParams, response: { 200: securityGroupSchemas.show } } }, async (req) => ({
    security_group: novaSecurityGroup(groupOf(req as GroupReq)),
  }));

  app.put('/os-security-groups/:security_group_id', { schema: { params: groupParams, body: anyBody, response: { 200: securityGroupSchemas.show } } }, async (request) => {
    const req = request as GroupReq;
    const current = groupOf(req);
    const g = fromBody<{ name?: unknown; description?: unknown }>(req.body, 'security_group');
    return { security_group: novaSecurityGroup(updateSecurityGroup(db, req.ctx.projectId, current.id, g.name, g.description)) };
  });

  app.delete('/os-security-groups/:security_group_id', { schema: { params: groupParams } }, async (request, reply) => {
    const req = request as GroupReq;
    deleteSecurityGroup(db, req.ctx.projectId, groupOf(req).id);
    return reply.code(202).send();
  });

  app.post('/os-security-group-rules', { schema: { body: anyBody, response: { 200: securityGroupSchemas.rule } } }, async (req) => {
    const r = fromBody<RuleRequest>(req.body, 'security_group_rule');
    return { security_group_rule: novaRule(createSecurityGroupRule(db, req.ctx.projectId, r)) };
  });

  app.delete('/os-security-group-rules/:security_group_rule_id', { schema: { params: ruleParams } }, async (request, reply) => {
    const req = request as FastifyRequest<{ Params: { security_group_rule_id: string } }>;
    deleteSecurityGroupRule(db, req.ctx.projectId, req.params.security_group_rule_id);
    return reply.code(202).send();
  });
}
