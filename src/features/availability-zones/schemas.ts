import { z } from 'zod';

/** One zone of List Availability Zones (spec 18.1); `hosts` is null for non-admins. */
const availabilityZoneSchema = z
  .object({
    zoneName: z.string(),
    zoneState: z.object({ available: z.boolean() }),
    hosts: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .transform((zone) => ({ name: zone.zoneName, available: zone.zoneState.available, hosts: zone.hosts ? Object.keys(zone.hosts) : null }));
export type AvailabilityZone = z.output<typeof availabilityZoneSchema>;

export const availabilityZoneListResponseSchema = z.object({ availabilityZoneInfo: z.array(availabilityZoneSchema) });
