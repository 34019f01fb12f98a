import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { quotaSetResponseSchema, type QuotaSet } from './schemas';

/** Show Quotas (spec 16.1). */
export async function getQuotaSet(target: ComputeTarget, tenantId: string, userId?: string): Promise<QuotaSet> {
  const body = await computeRequest(target, {
    path: encodePath`/os-quota-sets/${tenantId}`,
    params: userId ? { user_id: userId } : undefined,
    schema: quotaSetResponseSchema,
  });
  return body.quota_set;
}

/** Get Default Quotas (spec 16.2). */
export async function getDefaultQuotaSet(target: ComputeTarget, tenantId: string): Promise<QuotaSet> {
  const body = await computeRequest(target, {
    path: encodePath`/os-quota-sets/${tenantId}/defaults`,
    schema: quotaSetResponseSchema,
  });
  return body.quota_set;
}
