import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, scopeOf, type ComputeTarget } from '../../lib/compute';

/**
 * Minimal fetchers for what the create wizard and the list's filters pick from (features
 * never import each other): zones, security groups, and key pair creation.
 * Their keys start with the resource, so that resource's own invalidations refresh them.
 */

/** List Availability Zones (18.1). */
export const zoneSchema = z.object({
  zoneName: z.string(),
  zoneState: z.object({ available: z.boolean() }).optional(),
});
export type ZoneOption = z.infer<typeof zoneSchema>;

export async function listZones(target: ComputeTarget, signal?: AbortSignal): Promise<ZoneOption[]> {
  const body = await computeRequest(target, {
    path: '/os-availability-zone',
    schema: z.object({ availabilityZoneInfo: z.array(zoneSchema) }),
    signal,
  });
  return body.availabilityZoneInfo;
}

/** List Security Groups (22.1): names and descriptions. */
export const securityGroupOptionSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  description: z.string().nullable().optional(),
});
export type SecurityGroupOption = z.infer<typeof securityGroupOptionSchema>;

export async function listSecurityGroupOptions(target: ComputeTarget, signal?: AbortSignal): Promise<SecurityGroupOption[]> {
  const body = await computeRequest(target, {
    path: '/os-security-groups',
    api: 'proxy',
    schema: z.object({ security_groups: z.array(securityGroupOptionSchema) }),
    signal,
  });
  return body.security_groups;
}

/** Add Keypair (14.3) without a public key: the cloud generates the pair and sends the private key once. */
export const createdKeypairSchema = z.object({
  name: z.string(),
  public_key: z.string().optional(),
  fingerprint: z.string().optional(),
  private_key: z.string().optional(),
  user_id: z.string().optional(),
  type: z.string().optional(),
});
export type CreatedKeypair = z.infer<typeof createdKeypairSchema>;

export async function generateKeypair(target: ComputeTarget, name: string): Promise<CreatedKeypair> {
  const body = await computeRequest(target, {
    method: 'post',
    path: '/os-keypairs',
    data: { keypair: { name } },
    schema: z.object({ keypair: createdKeypairSchema }),
  });
  return body.keypair;
}

export const wizardQueries = {
  zones: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['availability-zones', 'server-picker', scopeOf(target)] as const,
      queryFn: ({ signal }) => listZones(target, signal),
      staleTime: 300_000,
    }),
  securityGroups: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['security-groups', 'server-picker', scopeOf(target)] as const,
      queryFn: ({ signal }) => listSecurityGroupOptions(target, signal),
      staleTime: 60_000,
    }),
};
