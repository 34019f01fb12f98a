import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { forbidden } from '../errors.ts';
import { microTime } from '../ids.ts';
import { listAvailabilityZones, type AvailabilityZone, type ZoneHost } from '../repositories/availability-zones.ts';

// Chapter 18: availability zones.

export const zonesOf = (db: Db): AvailabilityZone[] => listAvailabilityZones(db);

/** Nova's services report every 10 s (report_interval); the detail shows the last report. */
const REPORT_INTERVAL_MS = 10_000;

/**
 * Nova's `internal` zone: the hosts of its control services. Not a zone servers or volumes
 * can be placed in (the summary leaves it out), but the detail lists it, as Nova does.
 */
const INTERNAL_ZONE = 'internal';
const CONTROL_HOSTS: ZoneHost[] = [
  {
    host: 'cna-ctl-001',
    services: {
      'nova-conductor': { available: true, active: true, updated_at: null },
      'nova-scheduler': { available: true, active: true, updated_at: null },
    },
  },
];

/**
 * The detail (hosts and their services) is admin-only under Nova's default policy. Every zone
 * with its hosts, the internal one included, zones by name as Nova sorts them; each service's
 * `updated_at` is its last report (the embedded cloud's services never miss one).
 */
export function zoneDetailsFor(db: Db, ctx: RequestContext, nowMs = Date.now()): AvailabilityZone[] {
  if (!ctx.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
  const reported = microTime(nowMs - (nowMs % REPORT_INTERVAL_MS));
  const withReports = (hosts: ZoneHost[]): ZoneHost[] =>
    hosts.map((h) => ({
      host: h.host,
      services: Object.fromEntries(Object.entries(h.services).map(([name, s]) => [name, { ...s, updated_at: s.updated_at ?? reported }])),
    }));
  const zones = [...listAvailabilityZones(db), { zoneName: INTERNAL_ZONE, available: true, hosts: CONTROL_HOSTS }];
  return zones.map((z) => ({ ...z, hosts: withReports(z.hosts) })).sort((a, b) => a.zoneName.localeCompare(b.zoneName));
}
