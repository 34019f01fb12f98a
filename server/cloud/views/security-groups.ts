import type { SecurityGroupRule, SecurityGroupWithRules } from '../repositories/security-groups.ts';

/** Nova's _convert_to_nova_security_group_rule_format + _format_security_group_rule. */
export function novaRule(r: SecurityGroupRule) {
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

/** A group as Nova's os-security-groups shows it (also 22.6, a server's groups): ingress rules only. */
export function novaSecurityGroup(g: SecurityGroupWithRules) {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    tenant_id: g.project_id,
    rules: g.rules.filter((r) => r.direction === 'ingress').map(novaRule),
  };
}
