import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildCloud } from '../server/cloud/app.ts';
import type { RequestContext } from '../server/cloud/context.ts';
import { MAX } from '../server/cloud/microversion.ts';
import { listImages } from '../server/cloud/repositories/images.ts';
import { setQuota } from '../server/cloud/repositories/quotas.ts';
import { replaceTags } from '../server/cloud/repositories/servers.ts';
import { createNetwork } from '../server/cloud/services/networks.ts';
import { createServers } from '../server/cloud/services/server-create.ts';

/**
 * The embedded cloud's benchmark: a temporary database with 1,000 servers in one project
 * (made through the create code path, without HTTP), then the cloud in its own process on a
 * free port, as `npm run cloud` runs it, measured with real HTTP requests from this one:
 * GET servers/detail?limit=1000, and create + delete. Two processes, so the client's work
 * (reading 1.4 MB answers) does not count against the server's event loop.
 */

export interface Figures {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
  /** CPU time the cloud's process spent per request: steadier than wall time on a busy machine. */
  serverCpuMs?: number;
}

/** User + system CPU time of a process in ms, from /proc (Linux; undefined elsewhere). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function figures(name: string, samples: number[], wallMs: number): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    requests: samples.length,
    perSecond: (samples.length / wallMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

export async function benchCloud(opts: { servers?: number; detailRuns?: number; createRuns?: number; log?: (s: string) => void } = {}): Promise<Figures[]> {
  const log = opts.log ?? (() => {});
  const count = opts.servers ?? 1000;
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
  const dbPath = join(dir, 'cloud.sqlite');
  const prepared = await prepare(dbPath, count, log);
  const port = await freePort();
  const address = `http://127.0.0.1:${port}`;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cloud/main.ts', '--port', String(port), '--db', dbPath, '--transition-ms', '50'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForCloud(address);
    const auth = await fetch(`${address}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'alice', password: 'alice', domain: { name: 'Default' } } } },
          scope: { project: { name: 'alpha', domain: { name: 'Default' } } },
        },
      }),
    });
    const token = auth.headers.get('x-subject-token')!;
    const projectId = prepared.projectId;
    const net = { id: prepared.networkId };
    const image = { id: prepared.imageId };
    const headers = { 'x-auth-token': token, 'x-openstack-nova-api-version': '2.26', 'content-type': 'application/json' };
    // Let the builds finish so the list shows ACTIVE servers.
    for (;;) {
      const r = await fetch(`${address}/v2.1/${projectId}/servers?status=BUILD&limit=1`, { headers });
      if (((await r.json()) as { servers: unknown[] }).servers.length === 0) break;
      await new Promise((res) => setTimeout(res, 50));
    }

    const detailUrl = `${address}/v2.1/${projectId}/servers/detail?limit=1000`;
    const timed = async (fn: () => Promise<void>) => {
      const s = performance.now();
      await fn();
      return performance.now() - s;
    };
    // Latency is to the last byte of the answer; the body is checked outside the timing.
    let last: ArrayBuffer = new ArrayBuffer(0);
    const getDetail = async () => {
      const r = await fetch(detailUrl, { headers });
      last = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`detail answered ${r.status}`);
    };
    const check = () => {
      const n = (JSON.parse(Buffer.from(last).toString('utf8')) as { servers: unknown[] }).servers.length;
      if (n !== 1000) throw new Error(`detail listed ${n} servers, not 1000`);
    };
    for (let i = 0; i < 10; i++) await getDetail();
    check();
    const detailRuns = opts.detailRuns ?? 200;
    const detail: number[] = [];
    const w0 = performance.now();
    let cpu0 = cpuMsOf(child.pid);
    for (let i = 0; i < detailRuns; i++) detail.push(await timed(getDetail));
    const detailFigures = figures('GET servers/detail, unchanged data', detail, performance.now() - w0);
    const perRequest = (from: number | undefined, n: number) => {
      const now = cpuMsOf(child.pid);
      return from === undefined || now === undefined ? undefined : (now - from) / n;
    };
    detailFigures.serverCpuMs = perRequest(cpu0, detailRuns);
    check();

    // The same list right after a write (a metadata item of one server changes each time),
    // so the whole answer is never reused: it is put together again from each server's kept
    // JSON, the changed server read and rendered afresh (repositories/server-list-cache.ts).
    const someId = ((JSON.parse(Buffer.from(last).toString('utf8')) as { servers: { id: string }[] }).servers[0]).id;
    const fresh: number[] = [];
    let freshWall = 0;
    cpu0 = cpuMsOf(child.pid);
    for (let i = 0; i < detailRuns; i++) {
      const w = await fetch(`${address}/v2.1/${projectId}/servers/${someId}/metadata/round`, { method: 'PUT', headers, body: JSON.stringify({ meta: { round: String(i) } }) });
      if (w.status !== 200) throw new Error(`metadata write answered ${w.status}`);
      const ms = await timed(getDetail);
      fresh.push(ms);
      freshWall += ms;
    }
    const freshFigures = figures('GET servers/detail, after each write', fresh, freshWall);
    // The metadata write's own CPU is in there too; it is small next to a 1,000-server list.
    freshFigures.serverCpuMs = perRequest(cpu0, detailRuns);
    check();

    const createRuns = opts.createRuns ?? 200;
    const pairs: number[] = [];
    const c0 = performance.now();
    cpu0 = cpuMsOf(child.pid);
    for (let i = 0; i < createRuns; i++) {
      pairs.push(
        await timed(async () => {
          const r = await fetch(`${address}/v2.1/${projectId}/servers`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ server: { name: `churn-${i}`, imageRef: image.id, flavorRef: 's3.large.2', networks: [{ uuid: net.id }] } }),
          });
          if (r.status !== 202) throw new Error(`create answered ${r.status}: ${await r.text()}`);
          const { server } = (await r.json()) as { server: { id: string } };
          const d = await fetch(`${address}/v2.1/${projectId}/servers/${server.id}`, { method: 'DELETE', headers });
          if (d.status !== 204) throw new Error(`delete answered ${d.status}: ${await d.text()}`);
        }),
      );
    }
    const createFigures = figures('POST servers + DELETE (pair)', pairs, performance.now() - c0);
    createFigures.serverCpuMs = perRequest(cpu0, createRuns);
    return [detailFigures, freshFigures, createFigures];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seeds the database and makes `count` servers through the create code path, without HTTP. */
async function prepare(dbPath: string, count: number, log: (s: string) => void) {
  const app = await buildCloud({ dbPath, transitionMs: 50 });
  try {
    const one = (sql: string) => (app.db.prepare(sql).get() as { id: string }).id;
    const projectId = one("SELECT id FROM projects WHERE name = 'alpha'");
    const userId = one("SELECT id FROM users WHERE name = 'alice'");
    for (const [r, n] of [['instances', count + 100], ['cores', 100_000], ['ram', 100_000_000]] as const) setQuota(app.db, projectId, r, n);
    const net = createNetwork(app.db, { projectId, label: 'bench-net', cidr: '10.100.0.0/20' });
    const image = listImages(app.db, projectId, {}).find((i) => i.visibility === 'public' && i.min_ram === 0)!;
    const ctx: RequestContext = {
      requestId: 'req-bench',
      projectId,
      userId,
      userName: 'alice',
      roles: ['member'],
      isAdmin: false,
      legacy: false,
      mv: MAX,
      baseUrl: 'http://127.0.0.1',
      apiPrefix: `/v2.1/${projectId}`,
    };
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const made = createServers(
        app.db,
        { ...ctx, requestId: `req-bench-${i}` },
        { server: { name: `bench-${String(i).padStart(4, '0')}`, imageRef: image.id, flavorRef: 's3.large.2', networks: [{ uuid: net.id }], metadata: { index: String(i), tier: i % 2 ? 'web' : 'app' } } },
        { transitionMs: 50 },
      );
      replaceTags(app.db, made.servers[0].id, ['bench', i % 2 ? 'web' : 'app']);
    }
    log(`created ${count} servers in ${(performance.now() - t0).toFixed(0)} ms`);
    return { projectId, networkId: net.id, imageId: image.id };
  } finally {
    await app.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForCloud(address: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${address}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the cloud did not start at ${address}`);
}
