import type { FastifyInstance } from 'fastify';
import { limitSchemas as schemas } from '../../schemas/quotas.ts';
import { limitsFor } from '../../services/quotas.ts';
import { limitsView } from '../../views/limits.ts';

/** Section 15.1: absolute limits with the project's live usage; ?tenant_id= is for admins. */
export default async function limitRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { tenant_id?: string } }>('/limits', { schema: schemas.show }, async (req) => ({
    limits: limitsView(limitsFor(app.db, req.ctx, req.query.tenant_id)),
  }));
}
