import type { FastifyInstance } from 'fastify';
import { forbidden } from '../../errors.ts';
import { DEFAULT_QUOTAS, quotaSet } from '../../repositories/quotas.ts';

type TenantParams = { tenant_id: string };

// Chapter 16: a project's quotas (or a user's within it) and the defaults.
export default async function quotaRoutes(app: FastifyInstance) {
  const db = app.db;

  app.get<{ Params: TenantParams; Querystring: { user_id?: string } }>('/os-quota-sets/:tenant_id', async (req) => {
    const ctx = req.ctx;
    const tenant = req.params.tenant_id;
    // Nova's os-quota-sets:show policy: a member reads its own project's quotas only.
    if (tenant !== ctx.projectId && !ctx.isAdmin) {
      throw forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
    }
    // An unknown project or user gets the defaults (spec 16.1), which quotaSet falls back to.
    return { quota_set: { id: tenant, ...quotaSet(db, tenant, req.query.user_id) } };
  });

  app.get<{ Params: TenantParams }>('/os-quota-sets/:tenant_id/defaults', async (req) => ({
    quota_set: { id: req.params.tenant_id, ...DEFAULT_QUOTAS },
  }));
}
