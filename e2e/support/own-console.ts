// A console with an embedded cloud of the spec's own (console-process.ts), for specs that need
// settings the shared one must not have: injected faults, slow transitions. One per worker;
// such specs run serially, so one in all. Tenants are provisioned while its cloud is idle.
import { test as base } from '@playwright/test';
import { provisionTenant, type Tenant, type TenantQuotas } from './cloud-api.ts';
import { startConsole, type ConsoleProcess } from './console-process.ts';

export interface OwnConsole extends ConsoleProcess {
  tenants: Record<string, Tenant>;
}

export function testWithOwnConsole(env: NodeJS.ProcessEnv, tenants: Record<string, TenantQuotas> = {}) {
  return base.extend<object, { own: OwnConsole }>({
    own: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this pattern
      async ({}, use) => {
        const started = await startConsole(env, (chunk) => process.stderr.write(chunk));
        try {
          const made = Object.entries(tenants).map(([name, quotas], index) => [name, provisionTenant(started.dbPath, `own-${name}`, 50 + index, quotas)]);
          await use({ ...started, tenants: Object.fromEntries(made) as Record<string, Tenant> });
        } finally {
          await started.stop();
        }
      },
      { scope: 'worker', timeout: 120_000 },
    ],
  }).extend({
    baseURL: async ({ own }, use) => use(own.url),
  });
}
