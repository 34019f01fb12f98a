import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/cloud/db/database.ts';
import { setQuota } from '../server/cloud/repositories/quotas.ts';
import { startConsole } from '../e2e/support/console-process.ts';

/**
 * The console as `npm start` runs it (a fresh production build, the gateway, the embedded cloud
 * on free ports, a temporary database: the end-to-end tests' e2e/support/console-process.ts),
 * with GATEWAY_TEST_HOOKS so its calls to the cloud can be counted, and a project holding
 * `servers` ACTIVE servers: what bench/console.ts measures when it is given no URL.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USER = { username: 'alice', password: 'alice', project: 'alpha' };

export interface EmbeddedConsole {
  url: string;
  user: typeof USER;
  stop(): Promise<void>;
}

async function cloudCall<T>(url: string, init: RequestInit & { token?: string }, expect: number[]): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(url, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'X-OpenStack-Nova-API-Version': '2.26', ...(init.token ? { 'X-Auth-Token': init.token } : {}) },
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return { body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** Tops the project up to `count` ACTIVE servers, through the cloud's own API. */
async function seedServers(cloud: string, dbPath: string, count: number): Promise<void> {
  const login = await cloudCall<{ token: { project: { id: string } } }>(
    `${cloud}/v3/auth/tokens`,
    {
      method: 'POST',
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: USER.username, password: USER.password, domain: { name: 'Default' } } } },
          scope: { project: { name: USER.project, domain: { name: 'Default' } } },
        },
      }),
    },
    [201],
  );
  const token = login.headers.get('x-subject-token')!;
  const project = login.body.token.project.id;
  const base = `${cloud}/v2.1/${project}`;
  // room for them: no API of the spec sets quotas, so the (idle) database is written directly
  const { db } = openDatabase(dbPath);
  try {
    for (const [resource, limit] of [['instances', 100], ['cores', 400], ['ram', 2_000_000]] as const) setQuota(db, project, resource, limit);
  } finally {
    db.close();
  }
  const listed = await cloudCall<{ servers: { id: string }[] }>(`${base}/servers`, { token }, [200]);
  const missing = count - listed.body.servers.length;
  if (missing <= 0) return;
  const images = await cloudCall<{ images: { id: string; name: string }[] }>(`${cloud}/v2/${project}/images`, { token }, [200]);
  const networks = await cloudCall<{ networks: { id: string }[] }>(`${cloud}/v2/${project}/os-networks`, { token }, [200]);
  await cloudCall(
    `${base}/servers`,
    {
      method: 'POST',
      token,
      body: JSON.stringify({
        server: {
          name: 'bench',
          flavorRef: 's3.medium.2',
          imageRef: images.body.images[0].id,
          networks: [{ uuid: networks.body.networks[0].id }],
          min_count: missing,
          max_count: missing,
        },
      }),
    },
    [202],
  );
  const end = Date.now() + 120_000;
  for (;;) {
    const all = await cloudCall<{ servers: { status: string }[] }>(`${base}/servers/detail`, { token }, [200]);
    if (all.body.servers.every((server) => server.status !== 'BUILD')) return;
    if (Date.now() > end) throw new Error('the bench servers did not leave BUILD in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startEmbeddedConsole({ servers, log }: { servers: number; log: (line: string) => void }): Promise<EmbeddedConsole> {
  log('building the console (vite build) …');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? build.signal})`);
  const started = await startConsole({ ACCESS_LOG: '0' });
  try {
    log(`console ${started.url}, embedded cloud ${started.cloudUrl}; seeding ${servers} servers for ${USER.username} …`);
    await seedServers(started.cloudUrl, started.dbPath, servers);
    return { url: started.url, user: USER, stop: started.stop };
  } catch (error) {
    await started.stop();
    throw error;
  }
}
