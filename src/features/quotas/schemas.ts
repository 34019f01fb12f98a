import { z } from 'zod';
import { novaInteger } from '../../lib/schemas';

/** `quota_set` of Show Quotas / Get Default Quotas (spec 16.1, 16.2). -1 is unlimited. */
const quotaSetSchema = z.object({
  id: z.string().optional(),
  instances: novaInteger.optional(),
  cores: novaInteger.optional(),
  ram: novaInteger.optional(),
  key_pairs: novaInteger.optional(),
  security_groups: novaInteger.optional(),
  security_group_rules: novaInteger.optional(),
  server_groups: novaInteger.optional(),
  server_group_members: novaInteger.optional(),
  metadata_items: novaInteger.optional(),
  injected_files: novaInteger.optional(),
  injected_file_content_bytes: novaInteger.optional(),
  injected_file_path_bytes: novaInteger.optional(),
  floating_ips: novaInteger.optional(),
  fixed_ips: novaInteger.optional(),
});
export type QuotaSet = z.infer<typeof quotaSetSchema>;
export type QuotaName = Exclude<keyof QuotaSet, 'id'>;

/** Display order of the quota table. */
export const quotaNames: QuotaName[] = [
  'instances',
  'cores',
  'ram',
  'key_pairs',
  'security_groups',
  'security_group_rules',
  'server_groups',
  'server_group_members',
  'metadata_items',
  'injected_files',
  'injected_file_content_bytes',
  'injected_file_path_bytes',
  'floating_ips',
  'fixed_ips',
];

export const quotaSetResponseSchema = z.object({ quota_set: quotaSetSchema });
