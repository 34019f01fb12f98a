import type { QuotaName, QuotaSet } from './schemas';
import { quotaNames } from './schemas';

/**
 * One row of the quota page: the project's quota (16.1), the cloud's default (16.2) and the
 * usage reported elsewhere (15.1's `total*Used`, the key pair list). Pure, so the figures
 * can be checked against the API's.
 */
export interface QuotaUsageRow {
  name: QuotaName;
  quota: number | undefined;
  default: number | undefined;
  /** Undefined when no API reports it. */
  used: number | undefined;
  /** Share of the quota in use, 0–100; null when unlimited or unknown. */
  percent: number | null;
}

export function quotaUsageRows(quota: QuotaSet, defaults: QuotaSet | undefined, used: Partial<Record<QuotaName, number>>): QuotaUsageRow[] {
  return quotaNames
    .filter((name) => quota[name] !== undefined || defaults?.[name] !== undefined)
    .map((name) => {
      const limit = quota[name];
      const inUse = used[name];
      const percent =
        inUse !== undefined && limit !== undefined && limit > 0 ? Math.min(100, Math.round((inUse / limit) * 100)) : limit === 0 && inUse ? 100 : null;
      return { name, quota: limit, default: defaults?.[name], used: inUse, percent };
    });
}
