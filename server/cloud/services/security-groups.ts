import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound, quotaExceeded } from '../errors.ts';
import { limited, type Query } from '../pagination.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import {
  countSecurityGroups,
  deleteSecurityGroupRow,
  getSecurityGroup,
  insertRule,
  insertSecurityGroup,
  listSecurityGroups,
  securityGroupInUse,
  securityGroupsNamed,
  securityGroupsWithRules,
  updateSecurityGroupRow,
  type SecurityGroup,
  type SecurityGroupWithRules,
} from '../repositories/security-groups.ts';

// Chapter 22: Nova's security group proxy over Neutron's semantics (rules: security-group-rules.ts).

const isUuidLike = (s: string): boolean => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s);

/** Nova's validate_id for Neutron security groups and rules. */
export function validateSecurityGroupId(id: unknown): string {
  if (typeof id !== 'string' || !isUuidLike(id)) throw badRequest('Security group id should be uuid');
  return id;
}

/**
 * A group by id, else by name, within the project (as Nova resolves the names given at
 * boot and in addSecurityGroup). Neutron allows equal names; an ambiguous name is
 * Nova's NoUniqueMatch, 409.
 */
export function findSecurityGroup(db: Db, projectId: string, nameOrId: string): SecurityGroup | undefined {
  const byId = getSecurityGroup(db, projectId, nameOrId);
  if (byId) return byId;
  const byName = securityGroupsNamed(db, projectId, nameOrId);
  if (byName.length > 1) {
    throw conflict(`Multiple security_group matches found for name '${nameOrId}', use an ID to be more specific.`);
  }
  return byName[0];
}

/** The project's `default` group (seeded with the project; Neutron makes one per project). */
export function defaultSecurityGroup(db: Db, projectId: string): SecurityGroup {
  return securityGroupsNamed(db, projectId, 'default')[0] ?? createDefaultSecurityGroup(db, projectId);
}

/**
 * Neutron's default group: ingress from members of the group itself (IPv4 and IPv6) and
 * all egress. Nova's API shows the two ingress rules.
 */
export function createDefaultSecurityGroup(db: Db, projectId: string): SecurityGroup {
  return db.transaction(() => {
    const id = insertSecurityGroup(db, projectId, 'default', 'Default security group');
    for (const ethertype of ['IPv4', 'IPv6'] as const) {
      const any = { protocol: null, from_port: null, to_port: null };
      insertRule(db, id, { direction: 'ingress', ethertype, ...any, cidr: null, remote_group_id: id });
      insertRule(db, id, { direction: 'egress', ethertype, ...any, cidr: null, remote_group_id: null });
    }
    return getSecurityGroup(db, projectId, id)!;
  })();
}

/** 22.1: the project's groups (every project's for an admin's all_tenants), paged, sorted by (tenant, name) as Nova sorts them. */
export function listSecurityGroupsFor(db: Db, ctx: RequestContext, query: Query): SecurityGroupWithRules[] {
  const all = ctx.isAdmin && query.all_tenants !== undefined;
  return limited(listSecurityGroups(db, all ? null : ctx.projectId), query).sort((a, b) =>
    a.project_id === b.project_id ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.project_id < b.project_id ? -1 : 1,
  );
}

/** One of the project's groups, with its rules. */
export function showSecurityGroup(db: Db, ctx: RequestContext, idParam: string): SecurityGroupWithRules {
  const id = validateSecurityGroupId(idParam);
  const g = getSecurityGroup(db, ctx.projectId, id);
  if (!g) throw notFound(`Security group ${id} does not exist`);
  return securityGroupsWithRules(db, [g.id])[0];
}

/**
 * Nova's validate_property over Neutron: strings of 0–255 characters ("Nova has allowed
 * empty string as its history"), messages from oslo's check_string_length.
 */
function validateGroupFields(name: unknown, description: unknown): { name: string; description: string } {
  for (const [field, v] of [['name', name], ['description', description]] as const) {
    if (typeof v !== 'string') throw badRequest(`Invalid input received: ${field} is not a string or unicode`);
    if (v.length > 255) throw badRequest(`Invalid input received: ${field} has ${v.length} characters, more than 255.`);
  }
  return { name: name as string, description: description as string };
}

/** Neutron's name_not_default validator, case-insensitive. */
const isDefaultName = (name: string) => name.toLowerCase() === 'default';

export interface GroupFields {
  name?: unknown;
  description?: unknown;
}

export function createSecurityGroup(db: Db, projectId: string, fields: GroupFields): SecurityGroupWithRules {
  const v = validateGroupFields(fields.name, fields.description);
  return db.transaction(() => {
    // Neutron's 409 SecurityGroupDefaultAlreadyExists, which Nova reports through
    // raise_over_quota as 403.
    if (isDefaultName(v.name)) throw quotaExceeded('Default security group already exists.');
    const limit = quotaLimit(db, projectId, 'security_groups');
    if (limit >= 0 && countSecurityGroups(db, projectId) + 1 > limit) {
      throw quotaExceeded('Quota exceeded, too many security groups.');
    }
    const id = insertSecurityGroup(db, projectId, v.name, v.description);
    return securityGroupsWithRules(db, [id])[0];
  })();
}

/**
 * Renames a group. Neutron refuses any update of `default` and giving another group that
 * name; section 22.4 answers both with 409.
 */
export function updateSecurityGroup(db: Db, ctx: RequestContext, idParam: string, fields: GroupFields): SecurityGroupWithRules {
  const current = showSecurityGroup(db, ctx, idParam);
  return db.transaction(() => {
    const g = getSecurityGroup(db, ctx.projectId, current.id);
    if (!g) throw notFound(`Security group ${current.id} does not exist`);
    const v = validateGroupFields(fields.name, fields.description);
    if (g.name === 'default') throw conflict('Updating default security group not allowed.');
    if (isDefaultName(v.name)) throw conflict('Default security group already exists.');
    updateSecurityGroupRow(db, g.id, v.name, v.description);
    return securityGroupsWithRules(db, [g.id])[0];
  })();
}

/**
 * Deletes a group. Neutron refuses the default group and a group still used by a
 * server with 409, which Nova's proxy answers as 400 (raise_invalid_property).
 */
export function deleteSecurityGroup(db: Db, ctx: RequestContext, idParam: string): void {
  const id = showSecurityGroup(db, ctx, idParam).id;
  db.transaction(() => {
    const g = getSecurityGroup(db, ctx.projectId, id);
    if (!g) throw notFound(`Security group ${id} does not exist`);
    if (g.name === 'default') throw badRequest('Insufficient rights for removing default security group.');
    if (securityGroupInUse(db, id)) throw badRequest(`Security Group ${id} in use.`);
    deleteSecurityGroupRow(db, id);
  })();
}
