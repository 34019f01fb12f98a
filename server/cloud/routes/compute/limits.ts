import type { FastifyInstance } from 'fastify';
import { forbidden } from '../../errors.ts';
import { quotaSet } from '../../repositories/quotas.ts';
import { countSecurityGroups } from '../../repositories/security-groups.ts';
import { countServerGroups } from '../../repositories/server-groups.ts';
import { serverUsage } from '../../repositories/servers.ts';

// Section 15.1: absolute limits with the project's live usage; ?tenant_id= is for admins.
export default async function limitRoutes(app: FastifyInstance) {
  const db = app.db;
  app.get<{ Querystring: { tenant_id?: string } }>('/limits', async (req) => {
    const ctx = req.ctx;
    const project = req.query.tenant_id ?? ctx.projectId;
    if (project !== ctx.projectId && !ctx.isAdmin) {
      throw forbidden("Policy doesn't allow os_compute_api:limits:other_project to be performed.");
    }
    const q = quotaSet(db, project);
    const used = serverUsage(db, project);
    return {
      limits: {
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
          totalSecurityGroupsUsed: countSecurityGroups(db, project),
          // This cloud has no floating IPs (the spec lists no floating IP API).
          totalFloatingIpsUsed: 0,
          totalServerGroupsUsed: countServerGroups(db, project),
        },
      },
    };
  });
}
