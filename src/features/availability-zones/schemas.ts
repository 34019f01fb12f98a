import { z } from 'zod';

/** A service on a zone's host, as the detail shows it to admins (`nova-compute`, `nova-conductor` …). */
const serviceSchema = z.object({
  available: z.boolean(),
  active: z.boolean(),
  /** The service's last heartbeat, in Nova's time format. */
  updated_at: z.string().nullable().optional(),
});

/**
 * One zone of List Availability Zones (spec 18.1): `hosts` is null in the summary, and in the
 * detail (`/os-availability-zone/detail`, admins only) the zone's hosts with their services.
 */
const availabilityZoneSchema = z
  .object({
    zoneName: z.string(),
    zoneState: z.object({ available: z.boolean() }),
    hosts: z.record(z.string(), z.record(z.string(), serviceSchema)).nullable().optional(),
  })
  .transform((zone) => ({
    name: zone.zoneName,
    available: zone.zoneState.available,
    hosts: zone.hosts
      ? Object.entries(zone.hosts).map(([host, services]) => ({
          name: host,
          services: Object.entries(services).map(([service, state]) => ({
            name: service,
            available: state.available,
            active: state.active,
            updatedAt: state.updated_at ?? null,
          })),
        }))
      : null,
  }));
export type AvailabilityZone = z.output<typeof availabilityZoneSchema>;
export type ZoneHost = NonNullable<AvailabilityZone['hosts']>[number];

export const availabilityZoneListResponseSchema = z.object({ availabilityZoneInfo: z.array(availabilityZoneSchema) });
