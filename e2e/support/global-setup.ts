// Starts the production server exactly as `npm start` runs it (tsx server/main.ts over the
// built dist/), with the embedded cloud on free ports, a throwaway database and short
// lifecycle transitions. Returns the teardown that stops it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (`npm run test:e2e` does it).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ecs-console-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CLOUD_PORT: '0',
    CLOUD_HOST: '127.0.0.1',
    CLOUD_DB: join(dataDir, 'cloud.sqlite'),
    CLOUD_TRANSITION_MS: process.env.E2E_TRANSITION_MS ?? '300',
    GATEWAY_TEST_HOOKS: '1',
  };
  // The tests run against the embedded cloud, whatever the developer's shell points at.
  for (const name of ['IAM_ENDPOINT', 'ECS_ENDPOINT', 'ECS_AUTH_TOKEN', 'ECS_REGION', 'ECS_ENDPOINT_NAME']) delete env[name];

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const urls = await new Promise<{ console: string; cloud: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const consoleUrl = /ECS Console: (http\S+)/.exec(output)?.[1];
      const cloudUrl = /Embedded cloud: (http\S+)/.exec(output)?.[1];
      if (consoleUrl && cloudUrl) {
        clearTimeout(timer);
        resolve({ console: consoleUrl, cloud: cloudUrl });
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining the pipes so the server never blocks on a full one.
  server.stdout.resume();
  server.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));

  process.env.E2E_BASE_URL = urls.console;
  process.env.E2E_CLOUD_URL = urls.cloud;
  process.env.E2E_CLOUD_DB = env.CLOUD_DB;
  // Tenants of their own for the servers specs, written while the cloud is still idle.
  const { provisionServerTenants } = await import('./tenants.ts');
  process.env.E2E_TENANTS = JSON.stringify(provisionServerTenants(env.CLOUD_DB!));
  // And for the resource areas' specs (volumes, security groups, key pairs ...).
  const { provisionResourceTenants } = await import('./resource-tenants.ts');
  process.env.E2E_RESOURCE_TENANTS = JSON.stringify(provisionResourceTenants(env.CLOUD_DB!));

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
