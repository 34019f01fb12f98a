import { computeRequest, type ComputeTarget } from '../../lib/compute';
import { availabilityZoneListResponseSchema, type AvailabilityZone } from './schemas';

/** List Availability Zones (18.1). */
export async function listAvailabilityZones(target: ComputeTarget, signal?: AbortSignal): Promise<AvailabilityZone[]> {
  return (await computeRequest(target, { path: '/os-availability-zone', schema: availabilityZoneListResponseSchema, signal })).availabilityZoneInfo;
}
