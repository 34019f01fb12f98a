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

/**
 * Quotas that limit each item, not the project's total: no API reports a use for them, and
 * there is none to report ("rules per security group" limits every group on its own).
 */
const PER_ITEM: Partial<Record<QuotaName, 'group' | 'server' | 'file'>> = {
  security_group_rules: 'group',
  server_group_members: 'group',
  metadata_items: 'server',
  injected_files: 'server',
  injected_file_content_bytes: 'file',
  injected_file_path_bytes: 'file',
};

/** What a per-item quota limits each of (i18n `limits.quotas.perItem.<scope>`), or undefined. */
export const perItemScope = (name: QuotaName) => PER_ITEM[name];
