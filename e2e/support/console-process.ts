// The production server exactly as `npm start` runs it (tsx server/main.ts over the built
// dist/), with the embedded cloud on free ports and a throwaway database, in a process of its
// own: global setup starts the one every spec shares; a spec that needs a cloud of its own
// (injected faults, slow transitions) starts another; bench/console.ts measures one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export interface ConsoleProcess {
  /** The console (gateway and SPA). */
  url: string;
  /** The embedded cloud, for calls behind the console's back. */
  cloudUrl: string;
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * Starts a console with its embedded cloud; `env` adds settings (CLOUD_TRANSITION_MS,
 * CLOUD_FAULTS …). Test hooks are on. Whatever the developer's shell points at, it is the
 * embedded cloud. `onStderr` receives the server's error output once it has started.
 */
export async function startConsole(env: NodeJS.ProcessEnv = {}, onStderr?: (chunk: Buffer) => void): Promise<ConsoleProcess> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (`npm run test:e2e` does it).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ecs-console-e2e-'));
  const dbPath = join(dataDir, 'cloud.sqlite');
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CLOUD_PORT: '0',
    CLOUD_HOST: '127.0.0.1',
    CLOUD_DB: dbPath,
    CLOUD_TRANSITION_MS: '300',
    GATEWAY_TEST_HOOKS: '1',
    ...env,
  };
  for (const name of ['IAM_ENDPOINT', 'ECS_ENDPOINT', 'ECS_AUTH_TOKEN', 'ECS_REGION', 'ECS_ENDPOINT_NAME']) delete full[name];

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
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
    if (onStderr) server.stderr.on('data', onStderr);
    else server.stderr.resume();
    return { url: urls.console, cloudUrl: urls.cloud, dbPath, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
