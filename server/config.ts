// What `npm start` and `npm run dev` share: where to listen, and — when no cloud endpoint
// is configured — starting the embedded cloud in-process and pointing the gateway at it.
import { createServer, type AddressInfo } from 'node:net';
import { ConfigError } from './gateway/config-error.ts';
import { describeRedisUrl } from './gateway/redis-stores.ts';

type Env = Record<string, string | undefined>;

export interface ListenSettings {
  port: number;
  host: string;
  /** On SIGTERM, how long requests in flight may take to finish before they are cut. */
  shutdownTimeoutMs: number;
}

export interface EmbeddedCloud {
  url: string;
  dbPath: string;
  /** Said in the banner: why the cloud is not where it was expected. */
  note?: string;
  close(): Promise<void>;
}

/** Nova's own port: the embedded cloud's default, as clients expect it. */
const NOVA_PORT = 8774;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}

function optionalNumber(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

export function listenSettings(env: Env = process.env): ListenSettings {
  return {
    port: port(env, 'PORT', 5173),
    host: env.HOST?.trim() || '0.0.0.0',
    // Below the 30 s that container platforms give between SIGTERM and SIGKILL.
    shutdownTimeoutMs: optionalNumber(env, 'SHUTDOWN_TIMEOUT_MS') ?? 25_000,
  };
}

/** Whether `port` on `host` can be listened on right now. */
function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * The embedded cloud's port: CLOUD_PORT as given; else Nova's 8774, or a free port when 8774 is
 * taken (a real OpenStack on this machine has it) — with a note saying so, not a crash.
 */
export async function chooseCloudPort(env: Env, host: string, fallback = NOVA_PORT): Promise<{ port: number; note?: string }> {
  if (env.CLOUD_PORT?.trim()) return { port: port(env, 'CLOUD_PORT', fallback) };
  if (await portFree(fallback, host)) return { port: fallback };
  return { port: 0, note: `port ${fallback} is in use, so the embedded cloud took a free one (CLOUD_PORT chooses)` };
}

/** At startup, a ConfigError is the operator's to fix: its message alone, and exit code 1. */
export function failStartup(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot start: ${error.message}`);
  process.exit(1);
}

/** A listen that failed, said as a setting to change instead of a stack trace. */
export function listenError(error: unknown, what: string, where: string, setting: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return new ConfigError(`${what} cannot listen on ${where}: the port is in use. Choose another with ${setting}.`);
  if (code === 'EACCES') return new ConfigError(`${what} may not listen on ${where} (a port below 1024 needs privileges). Choose another with ${setting}.`);
  if (code === 'EADDRNOTAVAIL') return new ConfigError(`${what} cannot listen on ${where}: no such address on this machine.`);
  return error;
}

/**
 * Starts the embedded cloud unless ECS_ENDPOINT or IAM_ENDPOINT names a real one, and sets
 * IAM_ENDPOINT (and the endpoint name shown in the header) in `env` for the gateway.
 * CLOUD_PORT 0 picks a free port (the test harness uses it).
 */
export async function startEmbeddedCloudIfNeeded(env: Env = process.env): Promise<EmbeddedCloud | null> {
  if (env.ECS_ENDPOINT?.trim() || env.IAM_ENDPOINT?.trim()) return null;
  const dbPath = env.CLOUD_DB?.trim() || '.data/cloud.sqlite';
  const transitionMs = optionalNumber(env, 'CLOUD_TRANSITION_MS');
  const tokenTtlSeconds = optionalNumber(env, 'CLOUD_TOKEN_TTL');
  // Loaded only here, so a console in front of a real cloud never opens SQLite.
  const [{ buildCloud }, { faultsFromEnv }] = await Promise.all([import('./cloud/app.ts'), import('./cloud/plugins/faults.ts')]);
  // The same CLOUD_* settings as `npm run cloud` (server/cloud/main.ts).
  const cloud = await buildCloud({
    dbPath,
    transitionMs,
    tokenTtlSeconds,
    region: env.CLOUD_REGION?.trim() || undefined,
    publicUrl: env.CLOUD_PUBLIC_URL?.trim() || undefined,
    faults: faultsFromEnv(env),
  });
  // Loopback by default: the console is the embedded cloud's client.
  const host = env.CLOUD_HOST?.trim() || '127.0.0.1';
  const chosen = await chooseCloudPort(env, host);
  try {
    await cloud.listen({ port: chosen.port, host });
  } catch (error) {
    await cloud.close();
    throw listenError(error, 'The embedded cloud', `${host}:${chosen.port}`, 'CLOUD_PORT');
  }
  const { port: actualPort } = cloud.server.address() as AddressInfo;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${reachable}:${actualPort}`;
  env.IAM_ENDPOINT = `${url}/v3`;
  env.ECS_ENDPOINT_NAME ||= 'Embedded cloud';
  return { url, dbPath, ...(chosen.note ? { note: chosen.note } : {}), close: () => cloud.close() };
}

export function printBanner(consoleUrl: string, cloud: EmbeddedCloud | null, env: Env = process.env): void {
  const lines = [`ECS Console: ${consoleUrl}`];
  if (cloud) {
    lines.push(
      `Embedded cloud: ${cloud.url} (database ${cloud.dbPath})${cloud.note ? `: ${cloud.note}` : ''}`,
      'Demo logins (domain Default): admin/admin, alice/alice, bob/bob',
    );
  } else {
    lines.push(`IAM endpoint: ${env.IAM_ENDPOINT}`);
    if (env.ECS_ENDPOINT) lines.push(`Compute endpoint: ${env.ECS_ENDPOINT}`);
    if (env.ECS_AUTH_TOKEN) lines.push('Single-user mode: every request uses ECS_AUTH_TOKEN');
  }
  const store = env.SESSION_STORE?.trim();
  lines.push(store && store !== 'memory' ? `Sessions: Redis ${describeRedisUrl(store)}` : 'Sessions: in memory (one replica)');
  console.log(lines.join('\n'));
}

/** The URL to print for a server bound to `host`: a wildcard address is shown as localhost. */
export function displayUrl(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
