import { performance } from 'node:perf_hooks';
import type { CloudProcess, Session } from './cloud-process.ts';
import type { Seeded } from './seed.ts';

/**
 * Many clients at once, each in a loop: list the first page, create a server, list again,
 * delete it. Throughput is requests per second; the cloud's CPU per request comes from its
 * probe. Every answer is checked, and afterwards nothing may be lost or duplicated: the
 * live list is the one before the run, and every server made is listed among the deleted
 * ones exactly once.
 */

export interface MixedFigures {
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  created: number;
  failures: string[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function mixedRun(cloud: CloudProcess, session: Session, seeded: Seeded, opts: { clients: number; seconds: number; tag: string; made: string[] }): Promise<MixedFigures> {
  const base = `${cloud.address}/v2.1/${session.projectId}`;
  const { headers } = session;
  const latencies: number[] = [];
  const failures: string[] = [];
  const end = performance.now() + opts.seconds * 1000;
  const timed = async (what: string, expected: number, input: string, init?: RequestInit) => {
    const t0 = performance.now();
    const res = await fetch(input, { headers, ...init });
    const body = await res.text();
    latencies.push(performance.now() - t0);
    if (res.status !== expected) failures.push(`${what}: ${res.status} ${body.slice(0, 200)}`);
    return body;
  };
  const page = async () => {
    const body = await timed('list', 200, `${base}/servers/detail?limit=20`);
    const ids = (JSON.parse(body) as { servers: { id: string }[] }).servers.map((s) => s.id);
    if (new Set(ids).size !== ids.length) failures.push('list: a server listed twice on one page');
  };
  const client = async (c: number) => {
    for (let i = 0; performance.now() < end; i++) {
      await page();
      const server = { name: `mixed-${opts.tag}-${c}-${i}`, imageRef: seeded.imageId, flavorRef: 's3.large.2', networks: [{ uuid: seeded.networkId }] };
      const made = await timed('create', 202, `${base}/servers`, { method: 'POST', body: JSON.stringify({ server }) });
      const id = (JSON.parse(made) as { server?: { id: string } }).server?.id;
      await page();
      if (!id) continue;
      opts.made.push(id);
      await timed('delete', 204, `${base}/servers/${id}`, { method: 'DELETE' });
    }
  };
  const before = await cloud.usage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  const wallMs = performance.now() - t0;
  const after = await cloud.usage();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients: opts.clients,
    seconds: wallMs / 1000,
    requests: latencies.length,
    perSecond: (latencies.length / wallMs) * 1000,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / latencies.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    created: opts.made.length,
    failures,
  };
}

/** Every server id of a listing, page by page (marker), with the ids seen more than once. */
export async function walk(cloud: CloudProcess, session: Session, query: string): Promise<{ ids: string[]; duplicates: string[]; pages: number }> {
  const ids: string[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let marker = '';
  let pages = 0;
  for (;;) {
    const res = await fetch(`${cloud.address}/v2.1/${session.projectId}/servers?limit=1000${query}${marker ? `&marker=${marker}` : ''}`, { headers: session.headers });
    if (res.status !== 200) throw new Error(`list answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { servers: { id: string }[]; servers_links?: unknown[] };
    pages++;
    for (const { id } of body.servers) {
      if (seen.has(id)) duplicates.push(id);
      seen.add(id);
      ids.push(id);
    }
    if (!body.servers_links) return { ids, duplicates, pages };
    marker = body.servers.at(-1)!.id;
  }
}

/** Waits until no server of the project is in a transition (builds and deletions done). */
export async function settled(cloud: CloudProcess, session: Session): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${cloud.address}/v2.1/${session.projectId}/servers/detail?limit=40`, { headers: session.headers });
    const { servers } = (await res.json()) as { servers: { 'OS-EXT-STS:task_state': string | null }[] };
    if (servers.every((s) => s['OS-EXT-STS:task_state'] === null)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('servers still in transition after a minute');
}

/**
 * After the runs: the live list equals the one before (none lost, none left over, none
 * twice), every server the runs made is listed once among the deleted ones, and a sample of
 * the detail list equals each server's own view.
 */
export async function checkConsistency(cloud: CloudProcess, member: Session, admin: Session, before: string[], made: string[]): Promise<string[]> {
  const problems: string[] = [];
  const live = await walk(cloud, member, '');
  if (live.duplicates.length) problems.push(`${live.duplicates.length} servers listed twice`);
  const now = new Set(live.ids);
  const lost = before.filter((id) => !now.has(id));
  const wasThere = new Set(before);
  const extra = live.ids.filter((id) => !wasThere.has(id));
  if (lost.length) problems.push(`${lost.length} servers lost from the list`);
  if (extra.length) problems.push(`${extra.length} servers left over`);
  const deleted = await walk(cloud, admin, '&deleted=true');
  if (deleted.duplicates.length) problems.push(`${deleted.duplicates.length} deleted servers listed twice`);
  const gone = new Set(deleted.ids);
  const missing = made.filter((id) => !gone.has(id));
  if (missing.length) problems.push(`${missing.length} servers made are not listed as deleted`);
  if (new Set(made).size !== made.length) problems.push('a create answered an id twice');
  // Twenty servers from all over the list: the detail list shows each as its own view does.
  const detail = new Map<string, unknown>();
  for (let marker = ''; ; ) {
    const res = await fetch(`${cloud.address}/v2.1/${member.projectId}/servers/detail?limit=1000${marker ? `&marker=${marker}` : ''}`, { headers: member.headers });
    const body = (await res.json()) as { servers: { id: string }[]; servers_links?: unknown[] };
    for (const s of body.servers) detail.set(s.id, s);
    if (!body.servers_links) break;
    marker = body.servers.at(-1)!.id;
  }
  const step = Math.max(1, Math.floor(live.ids.length / 20));
  for (let i = 0; i < live.ids.length; i += step) {
    const id = live.ids[i];
    const one = (await (await fetch(`${cloud.address}/v2.1/${member.projectId}/servers/${id}`, { headers: member.headers })).json()) as { server: unknown };
    if (JSON.stringify(one.server) !== JSON.stringify(detail.get(id))) problems.push(`server ${id}: the detail list differs from its own view`);
  }
  return problems;
}
