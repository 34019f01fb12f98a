// Starts the production server exactly as `npm start` runs it, with the embedded cloud on
// free ports, a throwaway database and short lifecycle transitions (console-process.ts), for
// every spec. Returns the teardown that stops it.
import { startConsole } from './console-process.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = await startConsole({ CLOUD_TRANSITION_MS: process.env.E2E_TRANSITION_MS ?? '300' }, (chunk) => process.stderr.write(chunk));
  process.env.E2E_BASE_URL = started.url;
  process.env.E2E_CLOUD_URL = started.cloudUrl;
  process.env.E2E_CLOUD_DB = started.dbPath;
  // Tenants of their own for the servers specs, written while the cloud is still idle.
  const { provisionServerTenants } = await import('./tenants.ts');
  process.env.E2E_TENANTS = JSON.stringify(provisionServerTenants(started.dbPath));
  // And for the resource areas' specs (volumes, security groups, key pairs ...).
  const { provisionResourceTenants } = await import('./resource-tenants.ts');
  process.env.E2E_RESOURCE_TENANTS = JSON.stringify(provisionResourceTenants(started.dbPath));
  return started.stop;
}
