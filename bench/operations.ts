import { performance } from 'node:perf_hooks';
import type { CloudProcess, Session } from './cloud-process.ts';
import type { Seeded } from './seed.ts';

/**
 * One round of single operations on one cloud, each measured as the cloud's own CPU time
 * between two probes (bench/cpu-probe.ts) and as wall time at the client. The engine's work
 * of a create (its build) and of a delete (releasing ports, volumes, groups) is measured
 * apart, over the time it takes, with no request in between.
 */

/** The operations of a round, in the order the tables print them. */
export const OPERATIONS = [
  ['create', '`POST servers` (the request)'],
  ['build', 'its build (the lifecycle engine)'],
  ['listAfterCreate', '`servers/detail?limit=20` right after a create'],
  ['delete', '`DELETE servers/{id}` (the request)'],
  ['listAfterDelete', '`servers/detail?limit=20` right after a delete'],
  ['finishDelete', 'its deletion (the lifecycle engine)'],
  ['listAfterGone', '`servers/detail?limit=20` once the server is gone'],
  ['listUnchanged', '`servers/detail?limit=1000`, unchanged data'],
  ['listAfterMetadata', '`servers/detail?limit=1000` after a metadata write (both)'],
] as const;
export type Operation = (typeof OPERATIONS)[number][0];

export type Samples = Record<Operation, { cpuMs: number[]; wallMs: number[] }>;

export const emptySamples = (): Samples =>
  Object.fromEntries(OPERATIONS.map(([op]) => [op, { cpuMs: [], wallMs: [] }])) as unknown as Samples;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

export class OperationRound {
  constructor(
    private readonly cloud: CloudProcess,
    private readonly session: Session,
    private readonly seeded: Seeded,
    private readonly transitionMs: number,
  ) {}

  /** Runs `fn` between two CPU probes and records both times under `op`. */
  private async measure(samples: Samples, op: Operation, fn: () => Promise<void>): Promise<void> {
    const before = await this.cloud.usage();
    const t0 = performance.now();
    await fn();
    const wall = performance.now() - t0;
    const after = await this.cloud.usage();
    samples[op].cpuMs.push(after.cpuMs - before.cpuMs);
    samples[op].wallMs.push(wall);
  }

  private url(path: string): string {
    return `${this.cloud.address}/v2.1/${this.session.projectId}/${path}`;
  }

  private async list(limit: number): Promise<{ id: string }[]> {
    const res = await fetch(this.url(`servers/detail?limit=${limit}`), { headers: this.session.headers });
    await expectStatus(res, 200, 'servers/detail');
    const { servers } = (await res.json()) as { servers: { id: string }[] };
    if (servers.length !== limit) throw new Error(`servers/detail listed ${servers.length}, not ${limit}`);
    return servers;
  }

  /** `iterations` create → list → build → delete → list → deletion → list, then `listRuns` lists of 1,000. */
  async run(samples: Samples, iterations: number, listRuns: number, tag: string): Promise<void> {
    const { headers } = this.session;
    // The engine's steps of one operation end within its transition time; wait a little more.
    const settle = this.transitionMs * 1.5 + 20;
    for (let i = 0; i < iterations; i++) {
      let id = '';
      await this.measure(samples, 'create', async () => {
        const body = { server: { name: `round-${tag}-${i}`, imageRef: this.seeded.imageId, flavorRef: 's3.large.2', networks: [{ uuid: this.seeded.networkId }] } };
        const res = await fetch(this.url('servers'), { method: 'POST', headers, body: JSON.stringify(body) });
        await expectStatus(res, 202, 'POST servers');
        id = ((await res.json()) as { server: { id: string } }).server.id;
      });
      await this.measure(samples, 'listAfterCreate', async () => {
        if ((await this.list(20))[0].id !== id) throw new Error('the new server is not first in the list');
      });
      await this.measure(samples, 'build', () => sleep(settle));
      await this.measure(samples, 'delete', async () => {
        await expectStatus(await fetch(this.url(`servers/${id}`), { method: 'DELETE', headers }), 204, 'DELETE');
      });
      await this.measure(samples, 'listAfterDelete', async () => void (await this.list(20)));
      await this.measure(samples, 'finishDelete', () => sleep(settle));
      await this.measure(samples, 'listAfterGone', async () => {
        if ((await this.list(20)).some((s) => s.id === id)) throw new Error('a deleted server is still listed');
      });
    }
    const [first] = await this.list(1000);
    for (let i = 0; i < listRuns; i++) {
      await this.measure(samples, 'listUnchanged', async () => void (await this.list(1000)));
      await this.measure(samples, 'listAfterMetadata', async () => {
        const meta = { meta: { round: `${tag}-${i}` } };
        await expectStatus(await fetch(this.url(`servers/${first.id}/metadata/round`), { method: 'PUT', headers, body: JSON.stringify(meta) }), 200, 'metadata PUT');
        await this.list(1000);
      });
    }
  }
}
