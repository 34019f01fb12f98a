import { computeRequest, type ComputeTarget } from '../../lib/compute';
import { limitsResponseSchema, type AbsoluteLimits } from './schemas';

/** Show Absolute Limits (spec 15.1); `tenantId` lets an admin look at another project. */
export async function getAbsoluteLimits(target: ComputeTarget, tenantId?: string): Promise<AbsoluteLimits> {
  const body = await computeRequest(target, {
    path: '/limits',
    params: tenantId ? { tenant_id: tenantId } : undefined,
    schema: limitsResponseSchema,
  });
  return body.limits.absolute;
}
