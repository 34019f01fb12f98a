import { isIP } from 'node:net';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound, quotaExceeded } from '../errors.ts';
import { isoNow, uuid } from '../ids.ts';
import { parseCidr, intToIp } from './networks.ts';
import { quotaLimit } from './quotas.ts';

export interface SecurityGroup {
  id: string;
  project_id: string;
  name: string;
  description: string;
  created_at: string;
}

/** A rule as Neutron stores it (ports null for "any"). */
export interface SecurityGroupRule {
  id: string;
  group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  cidr: string | null;
  remote_group_id: string | null;
  /** Name and project of the source group, for Nova's `group` field. */
  remote_group_name: string | null;
  remote_group_project_id: string | null;
}

export interface SecurityGroupWithRules extends SecurityGroup {
  rules: SecurityGroupRule[];
}

const GROUP_COLUMNS = 'g.id, g.project_id, g.name, g.description, g.created_at';

export const isUuidLike = (s: string): boolean =>
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s);

/** Nova's validate_id for Neutron security groups and rules. */
export function validateSecurityGroupId(id: unknown): string {
  if (typeof id !== 'string' || !isUuidLike(id)) throw badRequest('Security group id should be uuid');
  return id;
}

export function getSecurityGroup(db: Db, projectId: string, id: string): SecurityGroup | undefined {
  return db.prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.id = ? AND g.project_id = ?`).get(id, projectId) as
    | SecurityGroup
    | undefined;
}

/**
 * A group by id, else by name, within the project (as Nova resolves the names given at
 * boot and in addSecurityGroup). Neutron allows equal names; an ambiguous name is
 * Nova's NoUniqueMatch, 409.
 */
export function findSecurityGroup(db: Db, projectId: string, nameOrId: string): SecurityGroup | undefined {
  const byId = getSecurityGroup(db, projectId, nameOrId);
  if (byId) return byId;
  const byName = db
    .prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.project_id = ? AND g.name = ? ORDER BY g.seq`)
    .all(projectId, nameOrId) as SecurityGroup[];
  if (byName.length > 1) {
    throw conflict(`Multiple security_group matches found for name '${nameOrId}', use an ID to be more specific.`);
  }
  return byName[0];
}

/** The project's `default` group (seeded with the project; Neutron makes one per project). */
export function defaultSecurityGroup(db: Db, projectId: string): SecurityGroup {
  const g = db
    .prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.project_id = ? AND g.name = 'default'`)
    .get(projectId) as SecurityGroup | undefined;
  return g ?? createDefaultSecurityGroup(db, projectId);
}

export function countSecurityGroups(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM security_groups WHERE project_id = ?').get(projectId) as { n: number }).n;
}

function rulesOf(db: Db, groupIds: string[]): Map<string, SecurityGroupRule[]> {
  const rows = db
    .prepare(
      `SELECT r.id, r.group_id, r.direction, r.ethertype, r.protocol, r.from_port, r.to_port, r.cidr, r.remote_group_id,
              s.name AS remote_group_name, s.project_id AS remote_group_project_id
       FROM security_group_rules r LEFT JOIN security_groups s ON s.id = r.remote_group_id
       WHERE r.group_id IN (SELECT value FROM json_each(?)) ORDER BY r.seq`,
    )
    .all(JSON.stringify(groupIds)) as SecurityGroupRule[];
  const out = new Map<string, SecurityGroupRule[]>();
  for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r]);
  return out;
}

/** Groups with their rules, in the order of `ids` (unknown ids skipped). One query per table. */
export function securityGroupsWithRules(db: Db, ids: string[]): SecurityGroupWithRules[] {
  if (ids.length === 0) return [];
  const groups = db
    .prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SecurityGroup[];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const rules = rulesOf(db, groups.map((g) => g.id));
  return ids.flatMap((id) => {
    const g = byId.get(id);
    return g ? [{ ...g, rules: rules.get(id) ?? [] }] : [];
  });
}

/** The project's groups (every project's when `projectId` is null, for all_tenants) in creation order. */
export function listSecurityGroups(db: Db, projectId: string | null): SecurityGroupWithRules[] {
  const ids = (
    projectId === null
      ? db.prepare('SELECT id FROM security_groups ORDER BY seq').all()
      : db.prepare('SELECT id FROM security_groups WHERE project_id = ? ORDER BY seq').all(projectId)
  ) as { id: string }[];
  return securityGroupsWithRules(db, ids.map((r) => r.id));
}

const insertGroup = (db: Db, projectId: string, name: string, description: string): string => {
  const id = uuid();
  db.prepare(
    `INSERT INTO security_groups (id, project_id, name, description, created_at, seq)
     VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM security_groups))`,
  ).run(id, projectId, name, description, isoNow());
  return id;
};

interface RuleValues {
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  cidr: string | null;
  remote_group_id: string | null;
}

const insertRule = (db: Db, groupId: string, r: RuleValues): string => {
  const id = uuid();
  db.prepare(
    `INSERT INTO security_group_rules (id, group_id, direction, ethertype, protocol, from_port, to_port, cidr, remote_group_id, created_at, seq)
     VALUES (@id, @group_id, @direction, @ethertype, @protocol, @from_port, @to_port, @cidr, @remote_group_id, @now,
             (SELECT COALESCE(MAX(seq), 0) + 1 FROM security_group_rules))`,
  ).run({ id, group_id: groupId, ...r, now: isoNow() });
  return id;
};

/**
 * Neutron's default group: ingress from members of the group itself (IPv4 and IPv6) and
 * all egress. Nova's API shows the two ingress rules.
 */
export function createDefaultSecurityGroup(db: Db, projectId: string): SecurityGroup {
  return db.transaction(() => {
    const id = insertGroup(db, projectId, 'default', 'Default security group');
    for (const ethertype of ['IPv4', 'IPv6'] as const) {
      const any = { protocol: null, from_port: null, to_port: null };
      insertRule(db, id, { direction: 'ingress', ethertype, ...any, cidr: null, remote_group_id: id });
      insertRule(db, id, { direction: 'egress', ethertype, ...any, cidr: null, remote_group_id: null });
    }
    return getSecurityGroup(db, projectId, id)!;
  })();
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

export function createSecurityGroup(db: Db, projectId: string, name: unknown, description: unknown): SecurityGroupWithRules {
  const v = validateGroupFields(name, description);
  return db.transaction(() => {
    // Neutron's 409 SecurityGroupDefaultAlreadyExists, which Nova reports through
    // raise_over_quota as 403.
    if (isDefaultName(v.name)) throw quotaExceeded('Default security group already exists.');
    const limit = quotaLimit(db, projectId, 'security_groups');
    if (limit >= 0 && countSecurityGroups(db, projectId) + 1 > limit) {
      throw quotaExceeded('Quota exceeded, too many security groups.');
    }
    const id = insertGroup(db, projectId, v.name, v.description);
    return securityGroupsWithRules(db, [id])[0];
  })();
}

/**
 * Renames a group. Neutron refuses any update of `default` and giving another group that
 * name; section 22.4 answers both with 409.
 */
export function updateSecurityGroup(
  db: Db,
  projectId: string,
  id: string,
  name: unknown,
  description: unknown,
): SecurityGroupWithRules {
  return db.transaction(() => {
    const g = getSecurityGroup(db, projectId, id);
    if (!g) throw notFound(`Security group ${id} does not exist`);
    const v = validateGroupFields(name, description);
    if (g.name === 'default') throw conflict('Updating default security group not allowed.');
    if (isDefaultName(v.name)) throw conflict('Default security group already exists.');
    db.prepare('UPDATE security_groups SET name = ?, description = ? WHERE id = ?').run(v.name, v.description, id);
    return securityGroupsWithRules(db, [id])[0];
  })();
}

/**
 * Deletes a group. Neutron refuses the default group and a group still used by a
 * server with 409, which Nova's proxy answers as 400 (raise_invalid_property).
 */
export function deleteSecurityGroup(db: Db, projectId: string, id: string): void {
  db.transaction(() => {
    const g = getSecurityGroup(db, projectId, id);
    if (!g) throw notFound(`Security group ${id} does not exist`);
    if (g.name === 'default') throw badRequest('Insufficient rights for removing default security group.');
    if (db.prepare('SELECT 1 FROM server_security_groups WHERE group_id = ? LIMIT 1').get(id)) {
      throw badRequest(`Security Group ${id} in use.`);
    }
    db.prepare('DELETE FROM security_groups WHERE id = ?').run(id);
  })();
}

/** The raw fields of an os-security-group-rules request; types are checked here as Nova does. */
export interface RuleRequest {
  parent_group_id?: unknown;
  ip_protocol?: unknown;
  from_port?: unknown;
  to_port?: unknown;
  cidr?: unknown;
  group_id?: unknown;
}

const isBlank = (v: unknown) => v === undefined || v === null;

/** Nova's parse_cidr: empty means 0.0.0.0/0; anything else must be an IPv4 or IPv6 network. */
function parseRuleCidr(cidr: unknown): { cidr: string; ethertype: 'IPv4' | 'IPv6' } {
  if (isBlank(cidr) || cidr === '') return { cidr: '0.0.0.0/0', ethertype: 'IPv4' };
  const text = typeof cidr === 'string' ? decodeURIComponent(cidr) : String(cidr);
  const [addr, prefix, ...rest] = text.split('/');
  const version = isIP(addr ?? '');
  const max = version === 6 ? 128 : 32;
  if (rest.length || !version || prefix === undefined || !/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    throw badRequest(`${text} is not a valid IP network.`);
  }
  if (Number(prefix) === 0 && addr !== '0.0.0.0' && addr !== '::') throw badRequest(`Bad prefix for network in cidr ${text}`);
  if (version === 4) {
    // Neutron stores the network address: 10.0.0.7/24 is 10.0.0.0/24.
    const c = parseCidr(text)!;
    return { cidr: `${intToIp(c.network)}/${c.prefix}`, ethertype: 'IPv4' };
  }
  return { cidr: text.toLowerCase(), ethertype: 'IPv6' };
}

const toPort = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  return undefined;
};

/**
 * Nova's _new_ingress_rule: a rule from a source group may omit protocol and ports
 * (everything from that group); a CIDR rule needs a protocol and both ports. TCP/UDP ports
 * are 1–65535 with from ≤ to; ICMP type and code are -1..255 (-1 meaning any).
 */
function ruleValues(r: RuleRequest, groupId: string | null): RuleValues {
  let from = r.from_port;
  let to = r.to_port;
  const proto = isBlank(r.ip_protocol) ? null : String(r.ip_protocol);
  const upper = proto?.toUpperCase() ?? '';
  let cidr: { cidr: string; ethertype: 'IPv4' | 'IPv6' } | null = null;
  if (groupId) {
    if (upper === 'ICMP' && isBlank(from) && isBlank(to)) [from, to] = [-1, -1];
    else if ((upper === 'TCP' || upper === 'UDP') && isBlank(from) && isBlank(to)) [from, to] = [1, 65535];
  } else {
    cidr = parseRuleCidr(r.cidr);
  }
  const base = { direction: 'ingress' as const, ethertype: cidr?.ethertype ?? ('IPv4' as const), cidr: cidr?.cidr ?? null, remote_group_id: groupId };
  if (proto && !isBlank(from) && !isBlank(to)) {
    const f = toPort(from);
    const t = toPort(to);
    if (f === undefined || t === undefined) {
      throw badRequest(
        `Invalid input received: ${upper === 'ICMP' ? 'Type and Code must be integers for ICMP protocol type' : 'To and From ports must be integers'}`,
      );
    }
    if (!['TCP', 'UDP', 'ICMP'].includes(upper)) throw badRequest(`Invalid IP protocol ${proto}.`);
    if (upper !== 'ICMP' && f > t) throw badRequest(`Invalid port range ${f}:${t}. Former value cannot be greater than the later`);
    if (upper !== 'ICMP' && (f < 1 || t > 65535)) {
      throw badRequest(`Invalid port range ${f}:${t}. Valid ${upper} ports should be between 1-65535`);
    }
    if (upper === 'ICMP' && (f < -1 || f > 255 || t < -1 || t > 255)) {
      throw badRequest(`Invalid port range ${f}:${t}. For ICMP, the type:code must be valid`);
    }
    // Neutron's own check: an ICMP code needs a type.
    if (upper === 'ICMP' && f === -1 && t !== -1) {
      throw badRequest(`ICMP code (port-range-max) ${t} is provided but ICMP type (port-range-min) is missing.`);
    }
    // Nova sends -1 for "any ICMP type/code"; Neutron stores that as no port range.
    const icmpAny = upper === 'ICMP' && f === -1;
    return {
      ...base,
      protocol: proto.toLowerCase(),
      from_port: icmpAny ? null : f,
      to_port: icmpAny || (upper === 'ICMP' && t === -1) ? null : t,
    };
  }
  if (!groupId) throw badRequest('Not enough parameters to build a valid rule.');
  // Nova drops a protocol that comes without both ports: the rule admits all traffic from the group.
  return { ...base, protocol: null, from_port: null, to_port: null };
}

/** Creates an ingress rule after Nova's and Neutron's checks (section 22.7). */
export function createSecurityGroupRule(db: Db, projectId: string, r: RuleRequest): SecurityGroupRule {
  const parentId = validateSecurityGroupId(r.parent_group_id);
  return db.transaction(() => {
    const parent = getSecurityGroup(db, projectId, parentId);
    if (!parent) throw notFound(`Security group ${parentId} does not exist`);
    let groupId: string | null = null;
    if (!isBlank(r.group_id)) {
      groupId = validateSecurityGroupId(r.group_id);
      if (!getSecurityGroup(db, projectId, groupId)) throw notFound(`Security group ${groupId} does not exist`);
    }
    const v = ruleValues(r, groupId);
    const duplicate = db
      .prepare(
        `SELECT id FROM security_group_rules WHERE group_id = @g AND direction = @direction AND ethertype = @ethertype
           AND protocol IS @protocol AND from_port IS @from_port AND to_port IS @to_port
           AND cidr IS @cidr AND remote_group_id IS @remote_group_id`,
      )
      .get({ g: parentId, ...v }) as { id: string } | undefined;
    // Neutron answers 409 (and Nova 403); the spec lists 400 "This rule already exists", as nova-network said it.
    if (duplicate) throw badRequest(`This rule already exists in group ${parentId}`);
    const limit = quotaLimit(db, projectId, 'security_group_rules');
    const count = (db.prepare(`SELECT COUNT(*) AS n FROM security_group_rules WHERE group_id = ? AND direction = 'ingress'`).get(parentId) as {
      n: number;
    }).n;
    // Nova's security_group_rules quota counts the rules of one group.
    if (limit >= 0 && count + 1 > limit) throw quotaExceeded('Quota exceeded, too many security group rules.');
    const id = insertRule(db, parentId, v);
    return rulesOf(db, [parentId]).get(parentId)!.find((x) => x.id === id)!;
  })();
}

/** Deletes a rule of one of the project's groups (section 22.8). */
export function deleteSecurityGroupRule(db: Db, projectId: string, ruleId: string): void {
  validateSecurityGroupId(ruleId);
  db.transaction(() => {
    const row = db
      .prepare(
        `SELECT r.id FROM security_group_rules r JOIN security_groups g ON g.id = r.group_id
         WHERE r.id = ? AND g.project_id = ? AND r.direction = 'ingress'`,
      )
      .get(ruleId, projectId);
    if (!row) throw notFound(`Security group rule ${ruleId} does not exist`);
    db.prepare('DELETE FROM security_group_rules WHERE id = ?').run(ruleId);
  })();
}

// ---- Which groups a server uses (set at boot, changed by add/removeSecurityGroup) ----

export function setServerSecurityGroups(db: Db, serverId: string, groupIds: string[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM server_security_groups WHERE server_id = ?').run(serverId);
    const add = db.prepare('INSERT OR IGNORE INTO server_security_groups (server_id, group_id) VALUES (?, ?)');
    for (const g of groupIds) add.run(serverId, g);
  })();
}

/** false when the server already had the group. */
export function addServerSecurityGroup(db: Db, serverId: string, groupId: string): boolean {
  return db.prepare('INSERT OR IGNORE INTO server_security_groups (server_id, group_id) VALUES (?, ?)').run(serverId, groupId).changes > 0;
}

/** false when the server did not have the group. */
export function removeServerSecurityGroup(db: Db, serverId: string, groupId: string): boolean {
  return db.prepare('DELETE FROM server_security_groups WHERE server_id = ? AND group_id = ?').run(serverId, groupId).changes > 0;
}

/** The groups of many servers in one query, as { id, name } in the order the groups were made. */
export function securityGroupsOfServers(db: Db, serverIds: string[]): Map<string, { id: string; name: string }[]> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (serverIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT s.server_id, g.id, g.name FROM server_security_groups s JOIN security_groups g ON g.id = s.group_id
       WHERE s.server_id IN (SELECT value FROM json_each(?)) ORDER BY g.seq`,
    )
    .all(JSON.stringify(serverIds)) as { server_id: string; id: string; name: string }[];
  for (const r of rows) out.set(r.server_id, [...(out.get(r.server_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** Group ids of many servers in one query (the servers area's view needs only ids, then names). */
export function securityGroupIdsOfServers(db: Db, serverIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [server, groups] of securityGroupsOfServers(db, serverIds)) out.set(server, groups.map((g) => g.id));
  return out;
}

export function releaseServerSecurityGroups(db: Db, serverId: string): void {
  db.prepare('DELETE FROM server_security_groups WHERE server_id = ?').run(serverId);
}

// ---- Nova's view (shared with 22.6, the server's groups) ----

export interface NovaRule {
  id: string;
  parent_group_id: string;
  ip_protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  ip_range: { cidr?: string };
  group: { name?: string; tenant_id?: string };
}

/** Nova's _convert_to_nova_security_group_rule_format + _format_security_group_rule. */
export function novaRule(r: SecurityGroupRule): NovaRule {
  let from = r.from_port;
  let to = r.to_port;
  if (r.protocol && from === null && to === null) {
    [from, to] = ['tcp', 'udp'].includes(r.protocol) ? [1, 65535] : [-1, -1];
  } else if (r.protocol === 'icmp' && to === null) to = -1;
  return {
    id: r.id,
    parent_group_id: r.group_id,
    ip_protocol: r.protocol,
    from_port: from,
    to_port: to,
    group: r.remote_group_id ? { name: r.remote_group_name ?? '', tenant_id: r.remote_group_project_id ?? '' } : {},
    ip_range: r.remote_group_id ? {} : { cidr: r.cidr ?? '0.0.0.0/0' },
  };
}

/** A group as Nova's os-security-groups shows it: ingress rules only. */
export function novaSecurityGroup(g: SecurityGroupWithRules) {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    tenant_id: g.project_id,
    rules: g.rules.filter((r) => r.direction === 'ingress').map(novaRule),
  };
}
