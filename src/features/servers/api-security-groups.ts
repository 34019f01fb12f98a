import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';

/** Table 22-12: a rule as Nova's os-security-groups shows it. */
export const securityGroupRuleSchema = z.object({
  id: z.string(),
  parent_group_id: z.string().nullable().optional(),
  ip_protocol: z.string().nullable().optional(),
  from_port: z.number().nullable().optional(),
  to_port: z.number().nullable().optional(),
  ip_range: z.object({ cidr: z.string().optional() }).partial().nullable().optional(),
  group: z.object({ name: z.string().optional(), tenant_id: z.string().optional() }).partial().nullable().optional(),
});
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;

/** Table 22-11. */
export const securityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  tenant_id: z.string().optional(),
  rules: z.array(securityGroupRuleSchema).default([]),
});
export type ServerSecurityGroup = z.infer<typeof securityGroupSchema>;

/** List Server Security Groups (22.6), with their rules. */
export async function listServerSecurityGroups(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<ServerSecurityGroup[]> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-security-groups`,
    schema: z.object({ security_groups: z.array(securityGroupSchema) }),
    signal,
  });
  return body.security_groups;
}

export const serverSecurityGroupQueries = {
  list: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'security-groups'] as const,
      queryFn: ({ signal }) => listServerSecurityGroups(target, id, signal),
    }),
};
