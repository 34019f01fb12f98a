import type { FastifyInstance } from 'fastify';
import { zoneSchemas as schemas } from '../../schemas/availability-zones.ts';
import { zoneDetailsFor, zonesOf } from '../../services/availability-zones.ts';
import { zoneDetail, zoneSummary } from '../../views/availability-zones.ts';

/** Chapter 18: availability zones. */
export default async function availabilityZoneRoutes(app: FastifyInstance) {
  app.get('/os-availability-zone', { schema: schemas.list }, async () => ({ availabilityZoneInfo: zonesOf(app.db).map(zoneSummary) }));

  app.get('/os-availability-zone/detail', { schema: schemas.detail }, async (req) => ({
    availabilityZoneInfo: zoneDetailsFor(app.db, req.ctx).map(zoneDetail),
  }));
}
