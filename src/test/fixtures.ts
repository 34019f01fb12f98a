import type { Routes } from './http-mock';

export const PROJECT_ID = 'p-alpha';

export const session = {
  user: { id: 'u-alice', name: 'alice', domain: 'Default' },
  project: { id: PROJECT_ID, name: 'alpha' },
  roles: ['member'],
  isAdmin: false,
  expiresAt: '2099-01-01T00:00:00Z',
  region: 'cn-north-1',
  endpointName: 'embedded',
};

const authConfig = { mode: 'login', region: 'cn-north-1', endpointName: 'embedded', domain: 'Default' };

/** Nova's own samples (nova-api-samples/versions), hosts replaced. */
export const versions = {
  versions: [
    {
      id: 'v2.0',
      links: [{ href: 'http://cloud.test/v2/', rel: 'self' }],
      status: 'DEPRECATED',
      version: '',
      min_version: '',
      updated: '2025-07-04T12:00:00Z',
    },
    {
      id: 'v2.1',
      links: [{ href: 'http://cloud.test/v2.1/', rel: 'self' }],
      status: 'CURRENT',
      version: '2.104',
      min_version: '2.1',
      updated: '2013-07-23T11:33:21Z',
    },
  ],
};

const v21Document = { version: { ...versions.versions[1], 'media-types': [] } };
const v2Document = { version: { ...versions.versions[0], 'media-types': [] } };

export const limits = {
  limits: {
    rate: [],
    absolute: {
      maxImageMeta: 128,
      maxPersonality: 5,
      maxPersonalitySize: 10240,
      maxSecurityGroupRules: -1,
      maxSecurityGroups: 10,
      maxServerMeta: 128,
      maxTotalCores: 20,
      maxTotalFloatingIps: -1,
      maxTotalInstances: 10,
      maxTotalKeypairs: 100,
      maxTotalRAMSize: 51200,
      maxServerGroups: 10,
      maxServerGroupMembers: 10,
      totalCoresUsed: 7,
      totalInstancesUsed: 3,
      totalRAMUsed: 12288,
      totalSecurityGroupsUsed: 2,
      totalFloatingIpsUsed: 0,
      totalServerGroupsUsed: 1,
    },
  },
};

export const quotaSet = {
  quota_set: {
    cores: 20,
    fixed_ips: -1,
    floating_ips: -1,
    id: PROJECT_ID,
    injected_file_content_bytes: 10240,
    injected_file_path_bytes: 255,
    injected_files: 5,
    instances: 10,
    key_pairs: 100,
    metadata_items: 128,
    ram: 51200,
    security_group_rules: -1,
    security_groups: 10,
    server_groups: 10,
    server_group_members: 10,
  },
};

const keypairs = {
  keypairs: [
    { keypair: { name: 'k1', public_key: 'ssh-rsa AAA', fingerprint: 'aa:bb' } },
    { keypair: { name: 'k2', public_key: 'ssh-rsa BBB', fingerprint: 'cc:dd' } },
  ],
};

const projects = {
  projects: [
    { id: PROJECT_ID, name: 'alpha', domain_id: 'default', enabled: true },
    { id: 'p-beta', name: 'beta', domain_id: 'default', enabled: true },
  ],
};

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;

/** A signed-in user on a healthy cloud; override any route. */
export function cloudRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /auth/config': { body: authConfig },
    'GET /auth/session': { body: session },
    'GET /auth/projects': { body: projects },
    'GET /api/compute/': { body: versions },
    'GET /api/compute/v2.1/': { body: v21Document },
    'GET /api/compute/v2/': { body: v2Document },
    [`GET ${compute('/limits')}`]: { body: limits, headers: { 'x-openstack-request-id': 'req-limits' } },
    [`GET ${compute(`/os-quota-sets/${PROJECT_ID}`)}`]: { body: quotaSet },
    [`GET ${compute('/os-keypairs')}`]: { body: keypairs },
    ...overrides,
  };
}
