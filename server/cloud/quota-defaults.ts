/**
 * Nova's default quotas (nova.conf [quota]), as the spec's 16.2 sample shows them:
 * fixed_ips unlimited, everything else bounded.
 */
export const DEFAULT_QUOTAS = {
  instances: 10,
  cores: 20,
  ram: 51200,
  floating_ips: 10,
  fixed_ips: -1,
  metadata_items: 128,
  injected_files: 5,
  injected_file_content_bytes: 10240,
  injected_file_path_bytes: 255,
  key_pairs: 100,
  security_groups: 10,
  security_group_rules: 20,
  server_groups: 10,
  server_group_members: 10,
} as const;

export type QuotaResource = keyof typeof DEFAULT_QUOTAS;
export const QUOTA_RESOURCES = Object.keys(DEFAULT_QUOTAS) as QuotaResource[];
