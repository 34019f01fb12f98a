import type { SecurityGroupRule } from '../schemas';

/** The IP version a rule applies to, when its CIDR says it; Nova's view has no ethertype. */
export type RuleFamily = 'IPv4' | 'IPv6' | null;

export function ruleFamily(rule: Pick<SecurityGroupRule, 'cidr'>): RuleFamily {
  if (!rule.cidr) return null;
  return rule.cidr.includes(':') ? 'IPv6' : 'IPv4';
}

/** One row of the rules table: a rule, or several that Nova's view shows alike. */
export interface RuleRow {
  /** The first rule's id: the row's key. */
  id: string;
  /** What the row shows (the first rule). */
  rule: SecurityGroupRule;
  /** Every rule of the row (more than one when they look identical). */
  rules: SecurityGroupRule[];
  family: RuleFamily;
}

const looks = (rule: SecurityGroupRule) => JSON.stringify([rule.protocol, rule.fromPort, rule.toPort, rule.cidr, rule.sourceGroup]);

/**
 * Nova's os-security-groups view drops Neutron's ethertype and egress rules, so a default group's
 * IPv4 and IPv6 "members of default" rules read the same. Rules that look identical are one row
 * with a count (the table says why), in the order the cloud gave them; a CIDR tells the version.
 */
export function ruleRows(rules: readonly SecurityGroupRule[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const rule of rules) {
    const key = looks(rule);
    const row = rows.get(key);
    if (row) row.rules.push(rule);
    else rows.set(key, { id: rule.id, rule, rules: [rule], family: ruleFamily(rule) });
  }
  return [...rows.values()];
}
