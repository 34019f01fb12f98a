import { z } from 'zod';
import { novaInteger } from '../../lib/schemas';

const optionalInteger = novaInteger.optional();

/** `limits.absolute` of Show Absolute Limits (spec 15.1). Unknown keys are kept out. */
const absoluteLimitsSchema = z.object({
  maxTotalInstances: optionalInteger,
  totalInstancesUsed: optionalInteger,
  maxTotalCores: optionalInteger,
  totalCoresUsed: optionalInteger,
  maxTotalRAMSize: optionalInteger,
  totalRAMUsed: optionalInteger,
  maxTotalKeypairs: optionalInteger,
  maxSecurityGroups: optionalInteger,
  totalSecurityGroupsUsed: optionalInteger,
  maxSecurityGroupRules: optionalInteger,
  maxServerGroups: optionalInteger,
  totalServerGroupsUsed: optionalInteger,
  maxServerGroupMembers: optionalInteger,
  maxServerMeta: optionalInteger,
  maxImageMeta: optionalInteger,
  maxPersonality: optionalInteger,
  maxPersonalitySize: optionalInteger,
  maxTotalFloatingIps: optionalInteger,
  totalFloatingIpsUsed: optionalInteger,
});
export type AbsoluteLimits = z.infer<typeof absoluteLimitsSchema>;

export const limitsResponseSchema = z.object({
  limits: z.object({ absolute: absoluteLimitsSchema, rate: z.array(z.unknown()).default([]) }),
});
