// Tenants of the resource-area specs (volumes, security groups, key pairs ...), made once in
// global setup while the cloud is idle, so each spec works in a project and as a user of its
// own: the demo projects stay as the auth spec expects them, and counts meet no other spec's.
import { provisionTenant, type Tenant, type TenantQuotas } from './cloud-api.ts';

const RESOURCE_TENANTS = {
  keypairs: {},
  secgroups: {},
  volumes: {},
  srvgroups: {},
  images: {},
  quotas: { instances: 15, cores: 30 },
  a11y: {},
} satisfies Record<string, TenantQuotas>;

export type ResourceTenantName = keyof typeof RESOURCE_TENANTS;

/** CIDRs 10.150.0.0/16 and up: clear of the servers specs' tenants. */
const FIRST_INDEX = 50;

/** Called by global setup; the result goes to the workers in E2E_RESOURCE_TENANTS. */
export function provisionResourceTenants(dbPath: string): Record<ResourceTenantName, Tenant> {
  const entries = Object.entries(RESOURCE_TENANTS).map(([name, quotas], index) => [
    name,
    provisionTenant(dbPath, `e2e-res-${name}`, FIRST_INDEX + index, quotas),
  ]);
  return Object.fromEntries(entries) as Record<ResourceTenantName, Tenant>;
}

export function resourceTenant(name: ResourceTenantName): Tenant {
  const raw = process.env.E2E_RESOURCE_TENANTS;
  if (!raw) throw new Error('E2E_RESOURCE_TENANTS is not set: run the specs through playwright.config.ts (global setup)');
  return (JSON.parse(raw) as Record<ResourceTenantName, Tenant>)[name];
}
