import type { TFunction } from 'i18next';
import type { SecurityGroupRule } from '../schemas';

/** "22", "8000–8080", "All ports"; for ICMP "Type 8, code 0" or "All ICMP". */
export function rulePorts(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>, t: TFunction): string {
  const from = rule.fromPort;
  const to = rule.toPort;
  if (rule.protocol === 'icmp') {
    if (from === null || from === -1) return t('securityGroups.rules.anyIcmp');
    if (to === null || to === -1) return t('securityGroups.rules.icmpType', { type: from });
    return t('securityGroups.rules.icmpTypeCode', { type: from, code: to });
  }
  if (from === null && to === null) return t('securityGroups.rules.allPorts');
  if (from === 1 && to === 65535) return t('securityGroups.rules.allPorts');
  if (from === to || to === null) return String(from);
  return `${from}–${to}`;
}

export function ruleProtocol(rule: Pick<SecurityGroupRule, 'protocol'>, t: TFunction): string {
  return rule.protocol ? rule.protocol.toUpperCase() : t('securityGroups.rules.anyProtocol');
}

/** The CIDR, or "Members of group web". */
export function ruleSource(rule: Pick<SecurityGroupRule, 'cidr' | 'sourceGroup'>, t: TFunction): string {
  if (rule.sourceGroup) return t('securityGroups.rules.fromGroup', { name: rule.sourceGroup });
  return rule.cidr ?? t('securityGroups.rules.anySource');
}
