import { type QuotaResource } from '../quota-defaults.ts';

export interface ProjectLimits {
  quotas: Record<QuotaResource, number>;
  used: { instances: number; cores: number; ram: number; securityGroups: number; serverGroups: number };
}

/** Nova's limits view (15.1): quotas as maxima, usage as totals; no rate limits. */
export function limitsView({ quotas: q, used }: ProjectLimits) {
  return {
    rate: [],
    absolute: {
      maxServerMeta: q.metadata_items,
      maxPersonality: q.injected_files,
      maxPersonalitySize: q.injected_file_content_bytes,
      maxImageMeta: q.metadata_items,
      maxTotalRAMSize: q.ram,
      maxTotalKeypairs: q.key_pairs,
      maxSecurityGroupRules: q.security_group_rules,
      maxSecurityGroups: q.security_groups,
      maxServerGroups: q.server_groups,
      maxServerGroupMembers: q.server_group_members,
      maxTotalCores: q.cores,
      maxTotalInstances: q.instances,
      maxTotalFloatingIps: q.floating_ips,
      totalCoresUsed: used.cores,
      totalRAMUsed: used.ram,
      totalInstancesUsed: used.instances,
      totalSecurityGroupsUsed: used.securityGroups,
      // This cloud has no floating IPs (the spec lists no floating IP API).
      totalFloatingIpsUsed: 0,
      totalServerGroupsUsed: used.serverGroups,
    },
  };
}
