import type { FastifyInstance } from 'fastify';
import { quotaSchemas as schemas } from '../../schemas/quotas.ts';
import { defaultQuotas, quotaDetailFor, quotaSetFor } from '../../services/quotas.ts';

type TenantParams = { Params: { tenant_id: string } };

/** Chapter 16: a project's quotas (or a user's within it), with their usage (Nova's detail), and the defaults. */
export default async function quotaRoutes(app: FastifyInstance) {
  app.get<TenantParams & { Querystring: { user_id?: string } }>('/os-quota-sets/:tenant_id', { schema: schemas.show }, async (req) => ({
    quota_set: { id: req.params.tenant_id, ...quotaSetFor(app.db, req.ctx, req.params.tenant_id, req.query.user_id) },
  }));

  app.get<TenantParams & { Querystring: { user_id?: string } }>('/os-quota-sets/:tenant_id/detail', { schema: schemas.detail }, async (req) => ({
    quota_set: { id: req.params.tenant_id, ...quotaDetailFor(app.db, req.ctx, req.params.tenant_id, req.query.user_id) },
  }));

  app.get<TenantParams>('/os-quota-sets/:tenant_id/defaults', { schema: schemas.defaults }, async (req) => ({
    quota_set: { id: req.params.tenant_id, ...defaultQuotas() },
  }));
}
