import type { Db } from '../db/database.ts';
import { isoNow, uuid } from '../ids.ts';

export interface SecurityGroup {
  id: string;
  project_id: string;
  name: string;
  description: string;
  created_at: string;
}

/** What a rule is made of, as Neutron stores it (ports null for "any"). */
export interface RuleValues {
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  cidr: string | null;
  remote_group_id: string | null;
}

/** A stored rule of a group. */
export interface SecurityGroupRule extends RuleValues {
  id: string;
  group_id: string;
  /** Name and project of the source group, for Nova's `group` field. */
  remote_group_name: string | null;
  remote_group_project_id: string | null;
}

export interface SecurityGroupWithRules extends SecurityGroup {
  rules: SecurityGroupRule[];
}

const GROUP_COLUMNS = 'g.id, g.project_id, g.name, g.description, g.created_at';

export function getSecurityGroup(db: Db, projectId: string, id: string): SecurityGroup | undefined {
  return db.prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.id = ? AND g.project_id = ?`).get(id, projectId) as
    | SecurityGroup
    | undefined;
}

/** The project's groups of that name, oldest first (Neutron allows equal names). */
export function securityGroupsNamed(db: Db, projectId: string, name: string): SecurityGroup[] {
  return db
    .prepare(`SELECT ${GROUP_COLUMNS} FROM security_groups g WHERE g.project_id = ? AND g.name = ? ORDER BY g.seq`)
    .all(projectId, name) as SecurityGroup[];
}

export function countSecurityGroups(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM security_groups WHERE project_id = ?').get(projectId) as { n: number }).n;
}

export function rulesOf(db: Db, groupIds: string[]): Map<string, SecurityGroupRule[]> {
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

/** The project's groups (every project's when `projectId` is null) in creation order. */
export function listSecurityGroups(db: Db, projectId: string | null): SecurityGroupWithRules[] {
  const ids = (
    projectId === null
      ? db.prepare('SELECT id FROM security_groups ORDER BY seq').all()
      : db.prepare('SELECT id FROM security_groups WHERE project_id = ? ORDER BY seq').all(projectId)
  ) as { id: string }[];
  return securityGroupsWithRules(db, ids.map((r) => r.id));
}

export function insertSecurityGroup(db: Db, projectId: string, name: string, description: string): string {
  const id = uuid();
  db.prepare(
    `INSERT INTO security_groups (id, project_id, name, description, created_at, seq)
     VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM security_groups))`,
  ).run(id, projectId, name, description, isoNow());
  return id;
}

export function updateSecurityGroupRow(db: Db, id: string, name: string, description: string): void {
  db.prepare('UPDATE security_groups SET name = ?, description = ? WHERE id = ?').run(name, description, id);
}

export function deleteSecurityGroupRow(db: Db, id: string): void {
  db.prepare('DELETE FROM security_groups WHERE id = ?').run(id);
}

/** True when a server uses the group. */
export function securityGroupInUse(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM server_security_groups WHERE group_id = ? LIMIT 1').get(id) !== undefined;
}

export function insertRule(db: Db, groupId: string, r: RuleValues): string {
  const id = uuid();
  db.prepare(
    `INSERT INTO security_group_rules (id, group_id, direction, ethertype, protocol, from_port, to_port, cidr, remote_group_id, created_at, seq)
     VALUES (@id, @group_id, @direction, @ethertype, @protocol, @from_port, @to_port, @cidr, @remote_group_id, @now,
             (SELECT COALESCE(MAX(seq), 0) + 1 FROM security_group_rules))`,
  ).run({ id, group_id: groupId, ...r, now: isoNow() });
  return id;
}

/** The id of a rule of the group equal to `r`, if there is one. */
export function sameRule(db: Db, groupId: string, r: RuleValues): string | undefined {
  const row = db
    .prepare(
      `SELECT id FROM security_group_rules WHERE group_id = @g AND direction = @direction AND ethertype = @ethertype
         AND protocol IS @protocol AND from_port IS @from_port AND to_port IS @to_port
         AND cidr IS @cidr AND remote_group_id IS @remote_group_id`,
    )
    .get({ g: groupId, ...r }) as { id: string } | undefined;
  return row?.id;
}

export function countIngressRules(db: Db, groupId: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM security_group_rules WHERE group_id = ? AND direction = 'ingress'`).get(groupId) as { n: number }).n;
}

/** True when the ingress rule belongs to one of the project's groups. */
export function projectHasIngressRule(db: Db, projectId: string, ruleId: string): boolean {
  return (
    db
      .prepare(
        `SELECT r.id FROM security_group_rules r JOIN security_groups g ON g.id = r.group_id
         WHERE r.id = ? AND g.project_id = ? AND r.direction = 'ingress'`,
      )
      .get(ruleId, projectId) !== undefined
  );
}

export function deleteRule(db: Db, ruleId: string): void {
  db.prepare('DELETE FROM security_group_rules WHERE id = ?').run(ruleId);
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

/** Group ids of many servers in one query. */
export function securityGroupIdsOfServers(db: Db, serverIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [server, groups] of securityGroupsOfServers(db, serverIds)) out.set(server, groups.map((g) => g.id));
  return out;
}

export function releaseServerSecurityGroups(db: Db, serverId: string): void {
  db.prepare('DELETE FROM server_security_groups WHERE server_id = ?').run(serverId);
}
