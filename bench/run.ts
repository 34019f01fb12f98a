import { cpus, loadavg } from 'node:os';
import { benchBundle, bundleLine } from './bundle.ts';
import { benchCloud, type Figures } from './cloud.ts';

// `npm run bench`: prints the embedded cloud's figures on this machine, then the console's
// first-page bundle weight (bench/bundle.ts). Never gates anything.

function table(rows: Figures[]): string {
  const head = ['benchmark', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'cloud CPU ms/req'];
  const body = rows.map((r) => [
    r.name,
    String(r.requests),
    r.perSecond.toFixed(1),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.mean.toFixed(2),
    r.serverCpuMs === undefined ? '-' : r.serverCpuMs.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

console.log(`embedded cloud benchmark — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const rows = await benchCloud({ log: (s) => console.log(s) });
console.log();
console.log(table(rows));
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (wall times stretch with the load of the machine; the cloud's CPU per request much less)`);
console.log();
for (const detail of rows.slice(0, 2)) {
  console.log(`aim: p50 under 20 ms for ${detail.name} — ${detail.p50 < 20 ? 'met' : 'not met'} (${detail.p50.toFixed(2)} ms)`);
}

console.log();
const bundle = benchBundle({ log: (s) => console.log(s) });
console.log(bundleLine(bundle));
