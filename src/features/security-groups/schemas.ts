import { z } from 'zod';

const port = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).nullable().optional();

/** A rule as os-security-groups shows it (tables 22-2, 22-14). */
const securityGroupRuleSchema = z
  .object({
    id: z.string(),
    parent_group_id: z.string().nullable().optional(),
    ip_protocol: z.string().nullable().optional(),
    from_port: port,
    to_port: port,
    ip_range: z.object({ cidr: z.string().optional() }).partial().nullable().optional(),
    group: z.object({ name: z.string().optional(), tenant_id: z.string().optional() }).partial().nullable().optional(),
  })
  .transform((r) => ({
    id: r.id,
    parentGroupId: r.parent_group_id ?? null,
    /** tcp, udp, icmp; null means every protocol. */
    protocol: r.ip_protocol ? r.ip_protocol.toLowerCase() : null,
    fromPort: r.from_port ?? null,
    toPort: r.to_port ?? null,
    cidr: r.ip_range?.cidr ?? null,
    /** Name of the source group, when the rule admits a group's members. */
    sourceGroup: r.group?.name ?? null,
  }));
export type SecurityGroupRule = z.output<typeof securityGroupRuleSchema>;

/** A security group (tables 22-1, 22-4, 22-6). */
const securityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().transform((d) => d ?? ''),
  tenant_id: z.string().optional(),
  rules: z.array(securityGroupRuleSchema).default([]),
});
export type SecurityGroup = z.output<typeof securityGroupSchema>;

export const securityGroupResponseSchema = z.object({ security_group: securityGroupSchema });
export const securityGroupListResponseSchema = z.object({ security_groups: z.array(securityGroupSchema) });
export const securityGroupRuleResponseSchema = z.object({ security_group_rule: securityGroupRuleSchema });

/** The project's default group: Neutron's, which cannot be renamed, described or deleted (spec 22.4). */
export const DEFAULT_GROUP = 'default';

export interface SecurityGroupFields {
  name: string;
  description: string;
}

/** Create Security Group Rule (spec 22.7, table 22-13). */
export interface CreateRuleRequest {
  parent_group_id: string;
  ip_protocol: 'tcp' | 'udp' | 'icmp';
  from_port: number;
  to_port: number;
  cidr?: string;
  group_id?: string;
}
