import { computeRequest, type ComputeTarget } from '../../lib/compute';
import { availabilityZoneListResponseSchema, type AvailabilityZone } from './schemas';

/** List Availability Zones (18.1): names and states, hosts null. */
export async function listAvailabilityZones(target: ComputeTarget, signal?: AbortSignal): Promise<AvailabilityZone[]> {
  return (await computeRequest(target, { path: '/os-availability-zone', schema: availabilityZoneListResponseSchema, signal })).availabilityZoneInfo;
}

/**
 * The detail (18.1, `/os-availability-zone/detail`): every zone with its hosts and their
 * services — Nova's `internal` zone of the control services included. Admins only (403 otherwise).
 */
export async function listAvailabilityZoneHosts(target: ComputeTarget, signal?: AbortSignal): Promise<AvailabilityZone[]> {
  return (await computeRequest(target, { path: '/os-availability-zone/detail', schema: availabilityZoneListResponseSchema, signal }))
    .availabilityZoneInfo;
}
