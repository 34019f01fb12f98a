/**
 * What one more server would use of the project's limits (Show Absolute Limits, spec 15.1):
 * "uses 2 of 20 vCPUs", and whether it would pass a limit (the API would answer 403 overLimit).
 */

export interface LimitsLike {
  maxTotalInstances?: number;
  totalInstancesUsed?: number;
  maxTotalCores?: number;
  totalCoresUsed?: number;
  maxTotalRAMSize?: number;
  totalRAMUsed?: number;
}

export interface FlavorLike {
  vcpus: number;
  ram: number;
}

type QuotaResource = 'instances' | 'cores' | 'ram';

export interface QuotaLine {
  resource: QuotaResource;
  /** What the new server asks for. */
  requested: number;
  used: number;
  /** -1: unlimited; undefined: the cloud did not say. */
  max: number | undefined;
  /** used + requested > max. */
  exceeds: boolean;
}

function line(resource: QuotaResource, requested: number, used: number | undefined, max: number | undefined): QuotaLine {
  const taken = used ?? 0;
  const limited = max !== undefined && max >= 0;
  return { resource, requested, used: taken, max, exceeds: limited && taken + requested > max };
}

export function quotaImpact(limits: LimitsLike | undefined, flavor: FlavorLike | undefined, count = 1): QuotaLine[] {
  if (!limits) return [];
  return [
    line('instances', count, limits.totalInstancesUsed, limits.maxTotalInstances),
    line('cores', (flavor?.vcpus ?? 0) * count, limits.totalCoresUsed, limits.maxTotalCores),
    line('ram', (flavor?.ram ?? 0) * count, limits.totalRAMUsed, limits.maxTotalRAMSize),
  ];
}

export const exceedsQuota = (lines: readonly QuotaLine[]): QuotaLine[] => lines.filter((entry) => entry.exceeds);
