import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The console's first-page weight: `vite build --manifest` into a temporary directory, then
 * the gzipped (level 9) size of the JS and CSS the login page loads — the entry chunk and its
 * static imports (recursively), the login route's chunk and its static imports when it has one
 * of its own (it is part of the entry), the CSS of all of them, and the largest language
 * catalogue of src/locales (only one is loaded).
 */

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleFigures {
  /** Total gzipped bytes of the first page. */
  bytes: number;
  /** Each file counted, with its gzipped size, largest first. */
  files: { file: string; bytes: number }[];
  budgetBytes: number;
}

const BUDGET_KB = 250;
const LOGIN_ROUTE = 'src/app/routes/login.tsx';

export function benchBundle(opts: { log?: (s: string) => void } = {}): BundleFigures {
  const log = opts.log ?? (() => {});
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = mkdtempSync(join(tmpdir(), 'ecs-bundle-'));
  try {
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? build.signal})`);
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const gz = new Map<string, number>();
    const gzipped = (file: string) => {
      let n = gz.get(file);
      if (n === undefined) gz.set(file, (n = gzipSync(readFileSync(join(out, file)), { level: 9 }).length));
      return n;
    };

    // A chunk with its static imports, recursively, and the CSS of each.
    const files = new Set<string>();
    const seen = new Set<string>();
    const add = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) throw new Error(`${key} is not in the build manifest`);
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const imp of chunk.imports ?? []) add(imp);
    };
    const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
    if (entries.length === 0) throw new Error('no entry chunk in the build manifest');
    for (const k of entries) add(k);
    if (manifest[LOGIN_ROUTE]) add(LOGIN_ROUTE);

    // The language catalogues (src/locales/<lang>.json): a page loads one, count the largest.
    const catalogues = Object.keys(manifest).filter((k) => /^src\/locales\/[^/]+\.json$/.test(k));
    if (catalogues.length === 0) throw new Error('no language catalogue (src/locales/*.json) in the build manifest');
    const weight = (key: string) => gzipped(manifest[key].file);
    const largest = catalogues.reduce((a, b) => (weight(b) > weight(a) ? b : a));
    add(largest);

    const counted = [...files].map((file) => ({ file, bytes: gzipped(file) })).sort((a, b) => b.bytes - a.bytes);
    const bytes = counted.reduce((a, f) => a + f.bytes, 0);
    log(`bundle: ${counted.length} files (entry ${entries.join(', ')}, ${manifest[LOGIN_ROUTE] ? LOGIN_ROUTE : 'the login page within it'}, catalogue ${largest})`);
    return { bytes, files: counted, budgetBytes: BUDGET_KB * 1024 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The line `npm run bench` prints. */
export function bundleLine(f: BundleFigures): string {
  return `first page: ${(f.bytes / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const f = benchBundle({ log: (s) => console.log(s) });
  for (const file of f.files) console.log(`  ${(file.bytes / 1024).toFixed(1).padStart(7)} KB  ${file.file}`);
  console.log(bundleLine(f));
}
