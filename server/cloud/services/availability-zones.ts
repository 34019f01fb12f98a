import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { forbidden } from '../errors.ts';
import { listAvailabilityZones, type AvailabilityZone } from '../repositories/availability-zones.ts';

// Chapter 18: availability zones.

export const zonesOf = (db: Db): AvailabilityZone[] => listAvailabilityZones(db);

/** The detail (hosts and their services) is admin-only under Nova's default policy. */
export function zoneDetailsFor(db: Db, ctx: RequestContext): AvailabilityZone[] {
  if (!ctx.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
  return listAvailabilityZones(db);
}
