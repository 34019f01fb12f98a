import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBundle, bundleLine } from './bundle.ts';
import { CloudProcess, type Session } from './cloud-process.ts';
import { checkConsistency, mixedRun, settled, walk, type MixedFigures } from './mixed.ts';
import { OPERATIONS, OperationRound, emptySamples, type Samples } from './operations.ts';
import { seedServers, type Seeded } from './seed.ts';
import { wireBytes } from './wire.ts';

// `npm run bench`: the embedded cloud with 1,000 and with 10,000 servers in one project, side
// by side, each in its own process, measured in interleaved rounds (the machine's load moves
// both alike): the cloud's CPU per operation (medians of the rounds), then many clients at
// once, a check that nothing was lost or duplicated, the bytes of a list on the wire, and the
// console's first-page weight. Never gates anything.

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    iterations: { type: 'string', default: '8' },
    'mixed-seconds': { type: 'string', default: '12' },
    'mixed-runs': { type: 'string', default: '3' },
    clients: { type: 'string', default: '20' },
    'no-bundle': { type: 'boolean', default: false },
  },
});
const SIZES = [1000, 10_000];
const TRANSITION_MS = 40;

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

interface Cloud {
  size: number;
  process: CloudProcess;
  member: Session;
  admin: Session;
  seeded: Seeded;
  round: OperationRound;
  /** Each round's mean per operation. */
  rounds: Samples[];
  mixed: MixedFigures[];
  made: string[];
  rss: { start: number; afterRounds?: number; end?: number };
}

console.log(`embedded cloud benchmark — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
const clouds: Cloud[] = [];
try {
  for (const size of SIZES) {
    const dbPath = join(dir, `cloud-${size}.sqlite`);
    const seeded = await seedServers(dbPath, size, (s) => console.log(s));
    const process = await CloudProcess.start(dbPath, TRANSITION_MS);
    const member = await process.login('alice', 'alice', 'alpha');
    const admin = await process.login('admin', 'admin', 'alpha');
    await settled(process, member);
    const rss = { start: (await process.usage()).rssMb };
    clouds.push({ size, process, member, admin, seeded, round: new OperationRound(process, member, seeded, TRANSITION_MS), rounds: [], mixed: [], made: [], rss });
  }

  // Single operations: rounds alternate which cloud goes first.
  const rounds = Number(args.rounds);
  for (let r = 0; r < rounds; r++) {
    for (const cloud of r % 2 ? [...clouds].reverse() : clouds) {
      const samples = emptySamples();
      await cloud.round.run(samples, Number(args.iterations), 4, `r${r}`);
      cloud.rounds.push(samples);
    }
    console.log(`round ${r + 1} of ${rounds} done (load ${load()})`);
  }
  for (const cloud of clouds) cloud.rss.afterRounds = (await cloud.process.usage()).rssMb;
  const cpuOf = (cloud: Cloud, op: (typeof OPERATIONS)[number][0]) => median(cloud.rounds.map((s) => mean(s[op].cpuMs)));
  const wallOf = (cloud: Cloud, op: (typeof OPERATIONS)[number][0]) => median(cloud.rounds.flatMap((s) => s[op].wallMs));
  const [small, large] = clouds;
  console.log(`\nCloud CPU per operation, ms (median of ${rounds} interleaved rounds of ${args.iterations}; wall p50 in brackets):\n`);
  console.log(
    table(
      ['operation', '1,000 servers', '10,000 servers', 'factor'],
      OPERATIONS.map(([op, label]) => [
        label,
        `${ms(cpuOf(small, op))} (${ms(wallOf(small, op))})`,
        `${ms(cpuOf(large, op))} (${ms(wallOf(large, op))})`,
        `${(cpuOf(large, op) / cpuOf(small, op)).toFixed(2)}×`,
      ]),
    ),
  );

  // Many clients at once, alternating the clouds.
  const before = new Map<Cloud, string[]>();
  for (const cloud of clouds) before.set(cloud, (await walk(cloud.process, cloud.member, '')).ids);
  const runs = Number(args['mixed-runs']);
  for (let r = 0; r < runs; r++) {
    for (const cloud of r % 2 ? [...clouds].reverse() : clouds) {
      cloud.mixed.push(await mixedRun(cloud.process, cloud.member, cloud.seeded, { clients: Number(args.clients), seconds: Number(args['mixed-seconds']), tag: `m${r}`, made: cloud.made }));
    }
  }
  const mixedOf = (cloud: Cloud, pick: (m: MixedFigures) => number) => median(cloud.mixed.map(pick));
  console.log(`\n${args.clients} clients at once, each: list, create, list, delete (${runs} runs of ${args['mixed-seconds']} s per cloud, medians; load ${load()}):\n`);
  console.log(
    table(
      ['', '1,000 servers', '10,000 servers', 'ratio'],
      [
        ['requests/s', ms(mixedOf(small, (m) => m.perSecond)), ms(mixedOf(large, (m) => m.perSecond)), `${(mixedOf(large, (m) => m.perSecond) / mixedOf(small, (m) => m.perSecond)).toFixed(2)}`],
        ['cloud CPU ms/request', ms(mixedOf(small, (m) => m.cpuMsPerRequest)), ms(mixedOf(large, (m) => m.cpuMsPerRequest)), `${(mixedOf(large, (m) => m.cpuMsPerRequest) / mixedOf(small, (m) => m.cpuMsPerRequest)).toFixed(2)}`],
        ['latency p50 / p99 ms', `${ms(mixedOf(small, (m) => m.p50))} / ${ms(mixedOf(small, (m) => m.p99))}`, `${ms(mixedOf(large, (m) => m.p50))} / ${ms(mixedOf(large, (m) => m.p99))}`, ''],
      ],
    ),
  );

  console.log('\nNothing lost or duplicated:');
  for (const cloud of clouds) {
    await settled(cloud.process, cloud.member);
    const failures = cloud.mixed.flatMap((m) => m.failures);
    const problems = [...failures.slice(0, 5), ...(await checkConsistency(cloud.process, cloud.member, cloud.admin, before.get(cloud)!, cloud.made))];
    const live = before.get(cloud)!.length;
    console.log(
      `- ${cloud.size.toLocaleString('en')}: ${cloud.made.length} servers made and deleted by the clients, ${failures.length} unexpected answers; ` +
        `${live.toLocaleString('en')} servers listed before and after (by marker), sampled details equal their own views: ${problems.length ? `PROBLEMS: ${problems.join('; ')}` : 'ok'}`,
    );
    cloud.rss.end = (await cloud.process.usage()).rssMb;
  }
  console.log(
    `\nCloud memory (RSS, MB) at start / after the rounds / at the end: ${clouds.map((c) => `${c.size.toLocaleString('en')}: ${c.rss.start.toFixed(0)} / ${c.rss.afterRounds!.toFixed(0)} / ${c.rss.end!.toFixed(0)}`).join('; ')}`,
  );

  const wire = await wireBytes(small.process, small.member);
  console.log('\nBytes on the wire of servers/detail (2.26), from the cloud and through the gateway:\n');
  console.log(table(['list', 'Accept-Encoding → coding', 'cloud', 'gateway', 'same bytes'], wire.map((w) => [w.list, w.encoding, w.cloudBytes.toLocaleString('en'), w.gatewayBytes.toLocaleString('en'), w.same ? 'yes' : 'no'])));
} finally {
  await Promise.all(clouds.map((c) => c.process.stop()));
  rmSync(dir, { recursive: true, force: true });
}

if (!args['no-bundle']) {
  console.log();
  console.log(bundleLine(benchBundle({ log: (s) => console.log(s) })));
}
console.log(`\nload average at the end: ${load()}`);
