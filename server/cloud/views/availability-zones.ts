import type { AvailabilityZone } from '../repositories/availability-zones.ts';

/** The summary hides hosts (null), as Nova and the spec show it. */
export const zoneSummary = (z: AvailabilityZone) => ({ zoneName: z.zoneName, zoneState: { available: z.available }, hosts: null });

/** With each host's services (admins). */
export const zoneDetail = (z: AvailabilityZone) => ({
  zoneName: z.zoneName,
  zoneState: { available: z.available },
  hosts: Object.fromEntries(z.hosts.map((h) => [h.host, h.services])),
});
