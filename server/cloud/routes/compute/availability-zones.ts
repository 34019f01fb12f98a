import type { FastifyInstance } from 'fastify';
import { forbidden } from '../../errors.ts';
import { listAvailabilityZones } from '../../repositories/availability-zones.ts';
import { zoneSchemas } from './resource-schemas.ts';

/** Chapter 18: availability zones. The summary hides hosts (null), as Nova and the spec show it. */
export default async function availabilityZoneRoutes(app: FastifyInstance) {

  app.get('/os-availability-zone', { schema: { response: { 200: zoneSchemas.list } } }, async () => ({
    availabilityZoneInfo: listAvailabilityZones(app.db).map((z) => ({
      zoneName: z.zoneName,
      zoneState: { available: z.available },
      hosts: null,
    })),
  }));

  // The detail (hosts and their services) is admin-only under Nova's default policy.
  app.get('/os-availability-zone/detail', { schema: { response: { 200: zoneSchemas.detail } } }, async (req) => {
    if (!req.ctx.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
    return {
      availabilityZoneInfo: listAvailabilityZones(app.db).map((z) => ({
        zoneName: z.zoneName,
        zoneState: { available: z.available },
        hosts: Object.fromEntries(z.hosts.map((h) => [h.host, h.services])),
      })),
    };
  });
}
