// Tenants of the servers specs, made once in global setup (while the cloud is idle), so each
// spec works in a project of its own: its servers, quotas and counts meet no other spec's.
import { provisionTenant, type Tenant, type TenantQuotas } from './cloud-api.ts';

const SERVER_TENANTS = {
  fleet: { instances: 200, cores: 400 },
  bulk: {},
  state: {},
  live: {},
  pause: {},
  tabs: {},
  fault: {},
  palette: {},
  wizard: {},
  tight: { instances: 10, cores: 1 },
  overquota: { instances: 1 },
  draft: {},
  lookups: { instances: 15, cores: 15 },
  shortcut: {},
  docs: { instances: 20, cores: 40, ram: 102400 },
  badges: {},
  many: { instances: 10, cores: 40 },
  operators: {},
} satisfies Record<string, TenantQuotas>;

export type TenantName = keyof typeof SERVER_TENANTS;

/** Called by global setup; the result goes to the workers in E2E_TENANTS. */
export function provisionServerTenants(dbPath: string): Record<TenantName, Tenant> {
  const entries = Object.entries(SERVER_TENANTS).map(([name, quotas], index) => [name, provisionTenant(dbPath, `e2e-${name}`, index, quotas)]);
  return Object.fromEntries(entries) as Record<TenantName, Tenant>;
}

export function tenant(name: TenantName): Tenant {
  const raw = process.env.E2E_TENANTS;
  if (!raw) throw new Error('E2E_TENANTS is not set: run the specs through playwright.config.ts (global setup)');
  return (JSON.parse(raw) as Record<TenantName, Tenant>)[name];
}
