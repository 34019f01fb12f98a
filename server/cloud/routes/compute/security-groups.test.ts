import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQuota } from '../../repositories/quotas.ts';
import { securityGroupIdsOfServers, setServerSecurityGroups } from '../../repositories/security-groups.ts';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';
import { defaultSecurityGroup, findSecurityGroup } from '../../services/security-groups.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

interface Rule {
  id: string;
  parent_group_id: string;
  ip_protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  ip_range: { cidr?: string };
  group: { name?: string; tenant_id?: string };
}
interface Group {
  id: string;
  name: string;
  description: string;
  tenant_id: string;
  rules: Rule[];
}
const groups = async (s: Session, query = '') => (await s.call('GET', `os-security-groups${query}`)).json().security_groups as Group[];
const createGroup = async (s: Session, name: string, description = 'test group') => {
  const res = await s.call('POST', 'os-security-groups', { security_group: { name, description } });
  expect(res.statusCode).toBe(200);
  return res.json().security_group as Group;
};
const addRule = (s: Session, rule: Record<string, unknown>) => s.call('POST', 'os-security-group-rules', { security_group_rule: rule });
const UNKNOWN = '6d6f6e6f-0000-4000-8000-000000000000';

describe('security groups (chapter 22)', () => {
  it('[22.1] lists the project\'s groups: default with its two ingress-from-itself rules', async () => {
    const res = await alice.call('GET', 'os-security-groups');
    expectContract(res, 'security_groups.list_security_groups');
    const list = res.json().security_groups as Group[];
    expect(list.map((g) => g.name)).toEqual(['default', 'web']);
    const def = list[0];
    expect(def.tenant_id).toBe(alice.projectId);
    expect(def.rules).toHaveLength(2);
    for (const r of def.rules) {
      expect(r).toMatchObject({ from_port: null, to_port: null, ip_protocol: null, parent_group_id: def.id, ip_range: {} });
      expect(r.group).toEqual({ tenant_id: alice.projectId, name: 'default' });
    }
    const web = list[1];
    expect(web.rules.map((r) => [r.ip_protocol, r.from_port, r.to_port, r.ip_range.cidr])).toEqual([
      ['tcp', 22, 22, '0.0.0.0/0'],
      ['tcp', 80, 80, '0.0.0.0/0'],
      ['tcp', 443, 443, '0.0.0.0/0'],
      ['icmp', -1, -1, '0.0.0.0/0'],
    ]);
  });

  it('[22.1] keeps tenants apart; admins list every project with all_tenants', async () => {
    expect((await groups(bob)).map((g) => g.tenant_id)).toEqual([bob.projectId]);
    const everyone = await groups(admin, '?all_tenants=1');
    expect(new Set(everyone.map((g) => g.tenant_id))).toEqual(new Set([admin.projectId, alice.projectId, bob.projectId]));
    const sorted = [...everyone].sort((a, b) => (a.tenant_id + a.name < b.tenant_id + b.name ? -1 : 1));
    expect(everyone.map((g) => g.id)).toEqual(sorted.map((g) => g.id));
    expect((await groups(bob, '?all_tenants=1')).map((g) => g.tenant_id)).toEqual([bob.projectId]);
    expect(await groups(alice, '?offset=1&limit=1')).toHaveLength(1);
    expect((await alice.call('GET', 'os-security-groups?limit=x')).statusCode).toBe(400);
  });

  it('[22.2] creates a group with no rules, on /v2 as on /v2.1', async () => {
    const res = await bob.call('POST', 'os-security-groups', { security_group: { name: 'db', description: 'postgres' } }, { legacy: true });
    expectContract(res, 'security_groups.create_security_group');
    expect(res.json().security_group).toMatchObject({ name: 'db', description: 'postgres', tenant_id: bob.projectId, rules: [] });
    // Neutron allows equal names; Nova then needs the id to tell them apart.
    await createGroup(bob, 'db');
    expect(() => findSecurityGroup(app.db, bob.projectId, 'db')).toThrow(/Multiple security_group matches/);
  });

  it.each([
    ['a name over 255 characters', { name: 'n'.repeat(256), description: '' }, 'Invalid input received: name has 256 characters, more than 255.'],
    ['a description over 255', { name: 'x', description: 'd'.repeat(256) }, 'Invalid input received: description has 256 characters, more than 255.'],
    ['a numeric name', { name: 7, description: '' }, 'Invalid input received: name is not a string or unicode'],
    ['no description', { name: 'x' }, 'Invalid input received: description is not a string or unicode'],
  ])('[22.2] refuses %s with 400', async (_case, group, message) => {
    const res = await bob.call('POST', 'os-security-groups', { security_group: group });
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe(message);
  });

  it('[22.2] refuses an empty body and a missing security_group', async () => {
    const empty = await bob.call('POST', 'os-security-groups', {});
    expect(empty.json().badRequest.message).toBe("The request body can't be empty");
    const missing = await bob.call('POST', 'os-security-groups', { group: {} });
    expect(missing.json().badRequest.message).toBe('Missing parameter security_group');
  });

  it('[22.2] refuses a second group named default (Neutron 409 → Nova 403) and enforces the quota', async () => {
    const res = await bob.call('POST', 'os-security-groups', { security_group: { name: 'Default', description: '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().forbidden.message).toBe('Default security group already exists.');
    setQuota(app.db, admin.projectId, 'security_groups', 2);
    await createGroup(admin, 'second');
    const over = await admin.call('POST', 'os-security-groups', { security_group: { name: 'third', description: '' } });
    expect(over.statusCode).toBe(403);
    expect(over.json().forbidden.message).toBe('Quota exceeded, too many security groups.');
    setQuota(app.db, admin.projectId, 'security_groups', 10);
  });

  it('[22.3] shows a group; another tenant\'s is 404 and a non-uuid id 400', async () => {
    const web = (await groups(alice)).find((g) => g.name === 'web')!;
    const res = await alice.call('GET', `os-security-groups/${web.id}`);
    expectContract(res, 'security_groups.get_security_group');
    expect(res.json().security_group.rules).toHaveLength(4);
    const foreign = await bob.call('GET', `os-security-groups/${web.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().itemNotFound.message).toBe(`Security group ${web.id} does not exist`);
    const bad = await alice.call('GET', 'os-security-groups/12');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().badRequest.message).toBe('Security group id should be uuid');
  });

  it('[22.4] updates a group\'s name and description', async () => {
    const g = await createGroup(bob, 'app');
    const res = await bob.call('PUT', `os-security-groups/${g.id}`, { security_group: { name: 'app-v2', description: 'renamed' } });
    expectContract(res, 'security_groups.update_security_group');
    expect(res.json().security_group).toMatchObject({ id: g.id, name: 'app-v2', description: 'renamed' });
    expect((await bob.call('GET', `os-security-groups/${g.id}`)).json().security_group.name).toBe('app-v2');
  });

  it('[22.4] refuses to update default or to rename a group to default (409)', async () => {
    const def = defaultSecurityGroup(app.db, bob.projectId);
    const res = await bob.call('PUT', `os-security-groups/${def.id}`, { security_group: { name: 'default', description: 'mine' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().conflictingRequest.message).toBe('Updating default security group not allowed.');
    const g = await createGroup(bob, 'cache');
    const rename = await bob.call('PUT', `os-security-groups/${g.id}`, { security_group: { name: 'default', description: '' } });
    expect(rename.statusCode).toBe(409);
    expect((await bob.call('GET', `os-security-groups/${g.id}`)).json().security_group.name).toBe('cache');
  });

  it('[22.4] answers 404 for an unknown or foreign group, 400 for a bad id or body', async () => {
    const body = { security_group: { name: 'x', description: '' } };
    expect((await bob.call('PUT', `os-security-groups/${UNKNOWN}`, body)).statusCode).toBe(404);
    const web = (await groups(alice)).find((g) => g.name === 'web')!;
    expect((await bob.call('PUT', `os-security-groups/${web.id}`, body)).statusCode).toBe(404);
    expect((await bob.call('PUT', 'os-security-groups/abc', body)).statusCode).toBe(400);
    const g = await createGroup(bob, 'body');
    expect((await bob.call('PUT', `os-security-groups/${g.id}`, {})).statusCode).toBe(400);
  });

  it('[22.5] deletes a group (202); then it is gone', async () => {
    const g = await createGroup(bob, 'temp');
    const res = await bob.call('DELETE', `os-security-groups/${g.id}`);
    expectContract(res, 'security_groups.delete_security_group');
    expect((await bob.call('GET', `os-security-groups/${g.id}`)).statusCode).toBe(404);
    expect((await bob.call('DELETE', `os-security-groups/${g.id}`)).statusCode).toBe(404);
  });

  it('[22.5] refuses to delete default or a group a server uses (400, as Nova maps Neutron\'s 409)', async () => {
    const def = defaultSecurityGroup(app.db, bob.projectId);
    const res = await bob.call('DELETE', `os-security-groups/${def.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe('Insufficient rights for removing default security group.');
    const g = await createGroup(bob, 'in-use');
    const server = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
    setServerSecurityGroups(app.db, server, [def.id, g.id]);
    expect(securityGroupIdsOfServers(app.db, [server]).get(server)).toEqual([def.id, g.id]);
    const busy = await bob.call('DELETE', `os-security-groups/${g.id}`);
    expect(busy.statusCode).toBe(400);
    expect(busy.json().badRequest.message).toBe(`Security Group ${g.id} in use.`);
    setServerSecurityGroups(app.db, server, []);
    expect((await bob.call('DELETE', `os-security-groups/${g.id}`)).statusCode).toBe(202);
  });

  it('[22.5] answers 404 for another tenant\'s group', async () => {
    const web = (await groups(alice)).find((g) => g.name === 'web')!;
    expect((await bob.call('DELETE', `os-security-groups/${web.id}`)).statusCode).toBe(404);
    expect((await alice.call('GET', `os-security-groups/${web.id}`)).statusCode).toBe(200);
  });
});

describe('security group rules (22.7, 22.8)', () => {
  it('[22.7] creates the spec\'s sample rule (ports as strings)', async () => {
    const g = await createGroup(bob, 'https');
    const res = await addRule(bob, { from_port: '443', ip_protocol: 'tcp', to_port: '443', cidr: '0.0.0.0/0', parent_group_id: g.id });
    expectContract(res, 'security_groups.create_security_group_rule');
    expect(res.json().security_group_rule).toMatchObject({
      parent_group_id: g.id,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      ip_range: { cidr: '0.0.0.0/0' },
      group: {},
    });
    expect((await bob.call('GET', `os-security-groups/${g.id}`)).json().security_group.rules).toHaveLength(1);
  });

  it('[22.7] creates ICMP, UDP range, IPv6 and source-group rules', async () => {
    const g = await createGroup(bob, 'mixed');
    const icmp = await addRule(bob, { parent_group_id: g.id, ip_protocol: 'icmp', from_port: -1, to_port: -1, cidr: '10.0.0.0/8' });
    expect(icmp.json().security_group_rule).toMatchObject({ ip_protocol: 'icmp', from_port: -1, to_port: -1 });
    const echo = await addRule(bob, { parent_group_id: g.id, ip_protocol: 'ICMP', from_port: 8, to_port: 0, cidr: '10.0.0.0/8' });
    expect(echo.json().security_group_rule).toMatchObject({ ip_protocol: 'icmp', from_port: 8, to_port: 0 });
    const udp = await addRule(bob, { parent_group_id: g.id, ip_protocol: 'udp', from_port: 5000, to_port: 5100, cidr: '192.168.0.7/24' });
    expect(udp.json().security_group_rule.ip_range).toEqual({ cidr: '192.168.0.0/24' });
    const v6 = await addRule(bob, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr: '2001:db8::/32' });
    expect(v6.json().security_group_rule.ip_range).toEqual({ cidr: '2001:db8::/32' });
    const def = defaultSecurityGroup(app.db, bob.projectId);
    const fromGroup = await addRule(bob, { parent_group_id: g.id, group_id: def.id, ip_protocol: 'tcp' });
    expectContract(fromGroup, 'security_groups.create_security_group_rule');
    expect(fromGroup.json().security_group_rule).toMatchObject({
      from_port: 1,
      to_port: 65535,
      group: { name: 'default', tenant_id: bob.projectId },
      ip_range: {},
    });
    const shown = await bob.call('GET', `os-security-groups/${g.id}`);
    expectContract(shown, 'security_groups.get_security_group');
    expect(shown.json().security_group.rules).toHaveLength(5);
  });

  it.each([
    ['from_port above to_port', { ip_protocol: 'tcp', from_port: 90, to_port: 80 }, 'Invalid port range 90:80. Former value cannot be greater than the later'],
    ['port 0', { ip_protocol: 'tcp', from_port: 0, to_port: 80 }, 'Invalid port range 0:80. Valid TCP ports should be between 1-65535'],
    ['port 65536', { ip_protocol: 'udp', from_port: 1, to_port: 65536 }, 'Invalid port range 1:65536. Valid UDP ports should be between 1-65535'],
    ['an ICMP type of 256', { ip_protocol: 'icmp', from_port: 256, to_port: 0 }, 'Invalid port range 256:0. For ICMP, the type:code must be valid'],
    ['an ICMP code without a type', { ip_protocol: 'icmp', from_port: -1, to_port: 3 }, 'ICMP code (port-range-max) 3 is provided but ICMP type (port-range-min) is missing.'],
    ['an unknown protocol', { ip_protocol: 'gre', from_port: 1, to_port: 2 }, 'Invalid IP protocol gre.'],
    ['non-integer ports', { ip_protocol: 'tcp', from_port: 'http', to_port: 80 }, 'Invalid input received: To and From ports must be integers'],
    ['a bad CIDR', { ip_protocol: 'tcp', from_port: 1, to_port: 2, cidr: '10.0.0.300/8' }, '10.0.0.300/8 is not a valid IP network.'],
    ['a /0 that is not 0.0.0.0', { ip_protocol: 'tcp', from_port: 1, to_port: 2, cidr: '10.0.0.0/0' }, 'Bad prefix for network in cidr 10.0.0.0/0'],
    ['no protocol for a CIDR rule', { from_port: 1, to_port: 2, cidr: '10.0.0.0/8' }, 'Not enough parameters to build a valid rule.'],
    ['no ports for a CIDR rule', { ip_protocol: 'tcp' }, 'Not enough parameters to build a valid rule.'],
  ])('[22.7] refuses %s with 400', async (_case, rule, message) => {
    const g = (await groups(alice)).find((x) => x.name === 'web')!;
    const res = await addRule(alice, { parent_group_id: g.id, ...rule });
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe(message);
  });

  it('[22.7] refuses a duplicate rule with 400 "This rule already exists"', async () => {
    const g = (await groups(alice)).find((x) => x.name === 'web')!;
    const res = await addRule(alice, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr: '0.0.0.0/0' });
    expect(res.statusCode).toBe(400);
    expect(res.json().badRequest.message).toBe(`This rule already exists in group ${g.id}`);
    // The same port from another range is a different rule.
    expect((await addRule(alice, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr: '10.0.0.0/8' })).statusCode).toBe(200);
  });

  it('[22.7] checks the parent and source group ids: 400 when not uuids, 404 when unknown or foreign', async () => {
    const rule = { ip_protocol: 'tcp', from_port: 1, to_port: 2 };
    const notUuid = await addRule(alice, { parent_group_id: 'web', ...rule });
    expect(notUuid.json().badRequest.message).toBe('Security group id should be uuid');
    expect((await addRule(alice, { ...rule })).statusCode).toBe(400);
    expect((await addRule(alice, { parent_group_id: UNKNOWN, ...rule })).statusCode).toBe(404);
    const web = (await groups(alice)).find((x) => x.name === 'web')!;
    expect((await addRule(bob, { parent_group_id: web.id, ...rule })).statusCode).toBe(404);
    const bobs = defaultSecurityGroup(app.db, bob.projectId);
    const foreignSource = await addRule(alice, { parent_group_id: web.id, group_id: bobs.id, ...rule });
    expect(foreignSource.statusCode).toBe(404);
    expect((await addRule(alice, { parent_group_id: web.id, group_id: 'x', ...rule })).statusCode).toBe(400);
    expect((await alice.call('POST', 'os-security-group-rules', {})).json().badRequest.message).toBe("The request body can't be empty");
  });

  it('[22.7] enforces the security_group_rules quota with 403', async () => {
    const g = await createGroup(admin, 'limited');
    setQuota(app.db, admin.projectId, 'security_group_rules', 2);
    for (const port of [1, 2]) {
      expect((await addRule(admin, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: port, to_port: port })).statusCode).toBe(200);
    }
    const over = await addRule(admin, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: 3, to_port: 3 });
    expect(over.statusCode).toBe(403);
    expect(over.json().forbidden.message).toBe('Quota exceeded, too many security group rules.');
    setQuota(app.db, admin.projectId, 'security_group_rules', 20);
  });

  it('[22.8] deletes a rule (202); again is 404', async () => {
    const g = await createGroup(bob, 'ssh');
    const rule = (await addRule(bob, { parent_group_id: g.id, ip_protocol: 'tcp', from_port: 22, to_port: 22 })).json().security_group_rule;
    const res = await bob.call('DELETE', `os-security-group-rules/${rule.id}`);
    expectContract(res, 'security_groups.delete_security_group_rule');
    expect((await bob.call('GET', `os-security-groups/${g.id}`)).json().security_group.rules).toEqual([]);
    const again = await bob.call('DELETE', `os-security-group-rules/${rule.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().itemNotFound.message).toBe(`Security group rule ${rule.id} does not exist`);
  });

  it('[22.8] answers 400 for a non-uuid id and 404 for another tenant\'s rule', async () => {
    expect((await bob.call('DELETE', 'os-security-group-rules/1')).json().badRequest.message).toBe('Security group id should be uuid');
    const web = (await groups(alice)).find((x) => x.name === 'web')!;
    const ruleId = web.rules[0].id;
    expect((await bob.call('DELETE', `os-security-group-rules/${ruleId}`, undefined, { legacy: true })).statusCode).toBe(404);
    expect((await groups(alice)).find((x) => x.name === 'web')!.rules.map((r) => r.id)).toContain(ruleId);
  });

  it('[22.8] drops rules that name a deleted group as their source, as Neutron does', async () => {
    const source = await createGroup(alice, 'source');
    const target = await createGroup(alice, 'target');
    await addRule(alice, { parent_group_id: target.id, group_id: source.id });
    expect((await alice.call('GET', `os-security-groups/${target.id}`)).json().security_group.rules).toHaveLength(1);
    expect((await alice.call('DELETE', `os-security-groups/${source.id}`)).statusCode).toBe(202);
    expect((await alice.call('GET', `os-security-groups/${target.id}`)).json().security_group.rules).toEqual([]);
  });
});
