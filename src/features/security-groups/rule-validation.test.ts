import { describe, expect, it } from 'vitest';
import { cidrProblem, EMPTY_RULE, groupFieldProblems, ruleProblems, ruleRequest, type RuleFormValues } from './rule-validation';

const rule = (patch: Partial<RuleFormValues>): RuleFormValues => ({ ...EMPTY_RULE, ...patch });

describe('rule validation (spec 22.7)', () => {
  it('accepts a TCP range and builds the request of table 22-13', () => {
    const values = rule({ fromPort: '8000', toPort: '8080' });
    expect(ruleProblems(values)).toEqual({});
    expect(ruleRequest('g1', values)).toEqual({ parent_group_id: 'g1', ip_protocol: 'tcp', from_port: 8000, to_port: 8080, cidr: '0.0.0.0/0' });
  });

  it('refuses a range whose first port is above its last, as the API words it', () => {
    expect(ruleProblems(rule({ fromPort: '443', toPort: '80' }))).toEqual({
      toPort: { key: 'securityGroups.validation.portOrder', values: { from: 443, to: 80 } },
    });
  });

  it('refuses TCP/UDP ports outside 1–65535', () => {
    expect(ruleProblems(rule({ fromPort: '0', toPort: '22' })).fromPort?.key).toBe('securityGroups.validation.portRange');
    expect(ruleProblems(rule({ protocol: 'udp', fromPort: '53', toPort: '70000' })).toPort).toEqual({
      key: 'securityGroups.validation.portRange',
      values: { from: 53, to: 70000, protocol: 'UDP' },
    });
    expect(ruleProblems(rule({ fromPort: '', toPort: 'x' }))).toMatchObject({
      fromPort: { key: 'securityGroups.validation.portInteger' },
      toPort: { key: 'securityGroups.validation.portInteger' },
    });
  });

  it('takes ICMP type and code from -1 to 255, -1/-1 meaning any ICMP', () => {
    expect(ruleProblems(rule({ protocol: 'icmp', icmpType: '-1', icmpCode: '-1' }))).toEqual({});
    expect(ruleRequest('g1', rule({ protocol: 'icmp', icmpType: '8', icmpCode: '0' }))).toMatchObject({ ip_protocol: 'icmp', from_port: 8, to_port: 0 });
    expect(ruleProblems(rule({ protocol: 'icmp', icmpType: '256', icmpCode: '0' })).icmpType?.key).toBe('securityGroups.validation.icmpRange');
    expect(ruleProblems(rule({ protocol: 'icmp', icmpType: '-1', icmpCode: '3' })).icmpCode?.key).toBe(
      'securityGroups.validation.icmpCodeWithoutType',
    );
  });

  it('needs a valid CIDR, or a source group', () => {
    expect(ruleProblems(rule({ fromPort: '22', toPort: '22', cidr: '10.0.0.0/33' })).cidr?.key).toBe('securityGroups.validation.cidr');
    expect(ruleProblems(rule({ fromPort: '22', toPort: '22', source: 'group', groupId: '' })).groupId?.key).toBe(
      'securityGroups.validation.groupRequired',
    );
    expect(ruleRequest('g1', rule({ fromPort: '22', toPort: '22', source: 'group', groupId: 'g2' }))).toEqual({
      parent_group_id: 'g1',
      ip_protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      group_id: 'g2',
    });
  });
});

describe('CIDR', () => {
  it.each(['0.0.0.0/0', '192.168.10.0/24', '10.0.0.7/32', '::/0', '2001:db8::/32', 'fe80::1/128'])('accepts %s', (cidr) => {
    expect(cidrProblem(cidr)).toBeNull();
  });
  it.each(['', '10.0.0.0', '10.0.0.0/', '256.0.0.0/8', '10.0.0/24', '2001:db8::/129', '2001:db8:::1/64', 'any', '1.2.3.4/24/1'])(
    'refuses %s',
    (cidr) => {
      expect(cidrProblem(cidr)).not.toBeNull();
    },
  );
});

describe('group name and description (22.2, 22.4)', () => {
  it('refuses empty, too long, and the default name', () => {
    expect(groupFieldProblems({ name: ' ', description: '' }).name).toBe('securityGroups.validation.nameRequired');
    expect(groupFieldProblems({ name: 'x'.repeat(256), description: '' }).name).toBe('securityGroups.validation.nameTooLong');
    expect(groupFieldProblems({ name: 'default', description: '' }).name).toBe('securityGroups.validation.nameDefault');
    expect(groupFieldProblems({ name: 'web', description: 'd'.repeat(256) }).description).toBe('securityGroups.validation.descriptionTooLong');
    expect(groupFieldProblems({ name: 'web', description: 'HTTP' })).toEqual({});
  });
});
