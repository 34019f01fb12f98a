import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../schemas';
import { ruleFamily, ruleRows } from './rule-rows';

const rule = (id: string, patch: Partial<SecurityGroupRule> = {}): SecurityGroupRule => ({
  id,
  parentGroupId: 'g',
  protocol: null,
  fromPort: null,
  toPort: null,
  cidr: null,
  sourceGroup: null,
  ...patch,
});

describe('rules as rows', () => {
  it("says IPv4 or IPv6 when the CIDR tells, and nothing when it does not", () => {
    expect(ruleFamily(rule('a', { cidr: '0.0.0.0/0' }))).toBe('IPv4');
    expect(ruleFamily(rule('a', { cidr: '::/0' }))).toBe('IPv6');
    expect(ruleFamily(rule('a', { cidr: '2001:db8::/32' }))).toBe('IPv6');
    expect(ruleFamily(rule('a', { sourceGroup: 'default' }))).toBeNull();
  });

  it("merges rules that Nova's view shows alike (the default group's two 'members of default'), keeping the cloud's order", () => {
    // what the real Nova answers for a project's default group: nothing tells the two apart
    const rows = ruleRows([
      rule('v4', { sourceGroup: 'default' }),
      rule('ssh', { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' }),
      rule('v6', { sourceGroup: 'default' }),
      rule('ssh6', { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '::/0' }),
    ]);
    expect(rows.map((row) => [row.id, row.rules.map((r) => r.id), row.family])).toEqual([
      ['v4', ['v4', 'v6'], null],
      ['ssh', ['ssh'], 'IPv4'],
      ['ssh6', ['ssh6'], 'IPv6'],
    ]);
  });

  it('keeps rules apart that differ in anything shown', () => {
    const rows = ruleRows([
      rule('a', { protocol: 'tcp', fromPort: 80, toPort: 80 }),
      rule('b', { protocol: 'tcp', fromPort: 80, toPort: 81 }),
      rule('c', { protocol: 'udp', fromPort: 80, toPort: 80 }),
      rule('d', { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: 'web' }),
    ]);
    expect(rows.map((row) => row.rules.length)).toEqual([1, 1, 1, 1]);
  });
});
