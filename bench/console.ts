import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { startEmbeddedConsole, type EmbeddedConsole } from './embedded-console.ts';

/**
 * `npm run bench:console -- [--url URL --user U --password P [--project X]] [--runs N] [--path /servers?all=1]`
 *
 * Times navigation → first server row of the servers page in Chromium (from the navigation's
 * start to the row's insertion in the document, both by the page's clock), cold (a fresh browser
 * context per run: no cache, no cookies; the login is done first, through the gateway's API),
 * and counts for the view:
 * - the browser's requests (document, code, styles, translations, API), from the navigation
 *   until the network is idle;
 * - the gateway's calls to the cloud (IAM and compute, read from the gateway's test-hook route
 *   GET /auth/test/upstream-calls, so the console must run with GATEWAY_TEST_HOOKS=1; the hook
 *   counts every user's calls, so measure a console nobody else uses): before the first row
 *   (sent no later than the row appeared — the gateway's clock against the bench's, so run both
 *   on one machine) and for the whole view (until the network is idle; the list's first
 *   changes-since poll comes 10 s later and is not part of it).
 * Without --url it builds the console, starts it with the embedded cloud and 20 servers in
 * alice's project, and measures that.
 */

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    project: { type: 'string' },
    runs: { type: 'string', default: '5' },
    /** The page measured; an administrator's all-projects view is `/servers?all=1`. */
    path: { type: 'string', default: '/servers' },
  },
});

const HORIZON_FIRST_ROW_MS = 11_500;
/** A server row of the list (not the loading skeleton's), with its link. */
const ROW = 'table[aria-label] tbody tr:not([aria-hidden="true"]) a';
const log = (line: string) => console.log(line);

interface Run {
  firstRowMs: number;
  /** How long the list's own request took, by the browser's Resource Timing (the cloud's share of the first row). */
  listMs: number | null;
  browserRequests: number;
  /** Requests by kind (document, script, stylesheet, fetch …). */
  byKind: Record<string, number>;
  callsBeforeFirstRow: number | null;
  callsForView: number | null;
  calls: string[];
}

interface UpstreamCall {
  seq: number;
  at: string;
  service: string;
  method: string;
  path: string;
}

async function upstreamCalls(url: string, after: number): Promise<{ total: number; calls: UpstreamCall[] } | null> {
  const res = await fetch(`${url}/auth/test/upstream-calls?after=${after}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`upstream-calls hook answered ${res.status}`);
  return (await res.json()) as { total: number; calls: UpstreamCall[] };
}

async function oneRun(browser: Browser, url: string, path: string, login: { username: string; password: string; project?: string }): Promise<Run> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const answer = await context.request.post(`${url}/auth/login`, {
      data: { ...login, domain: 'Default' },
      headers: { 'X-Requested-With': 'ecs-console', Origin: url },
    });
    if (!answer.ok()) throw new Error(`login as ${login.username} failed: ${answer.status()} ${await answer.text()}`);
    const before = (await upstreamCalls(url, Number.MAX_SAFE_INTEGER))?.total ?? null;

    const page = await context.newPage();
    // the moment the first row is in the document, by the page's own clock (no polling delay)
    // (a string: tsx's helpers in a compiled function would not exist in the page)
    await page.addInitScript(`
      const observer = new MutationObserver(() => {
        if (document.querySelector(${JSON.stringify(ROW)})) {
          window.firstRowAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    `);
    let requests = 0;
    const byKind: Record<string, number> = {};
    page.on('request', (request) => {
      requests += 1;
      byKind[request.resourceType()] = (byKind[request.resourceType()] ?? 0) + 1;
    });
    await page.goto(`${url}${path}`);
    await page.locator(ROW).first().waitFor({ timeout: 120_000 });
    const { firstRowAt, navigationStart, listMs } = await page.evaluate(() => {
      const list = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/servers/detail'));
      return {
        firstRowAt: (window as unknown as { firstRowAt: number }).firstRowAt,
        navigationStart: performance.timeOrigin,
        listMs: list ? Math.round(list.duration) : null,
      };
    });
    await page.waitForLoadState('networkidle');
    const browserRequests = requests;

    let callsBeforeFirstRow: number | null = null;
    let callsForView: number | null = null;
    let calls: string[] = [];
    if (before !== null) {
      const seen = (await upstreamCalls(url, before))!.calls;
      callsForView = seen.length;
      callsBeforeFirstRow = seen.filter((call) => Date.parse(call.at) <= firstRowAt).length;
      calls = seen.map((call) => `${call.service} ${call.method} ${call.path.replace(/\?.*$/, '')}`);
    }
    return { firstRowMs: Math.round(firstRowAt - navigationStart), listMs, browserRequests, byKind: { ...byKind }, callsBeforeFirstRow, callsForView, calls };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = (xs: number[]) => `median ${median(xs)}, min ${Math.min(...xs)}, max ${Math.max(...xs)}`;

async function main(): Promise<void> {
  const runs = Math.max(1, Number(values.runs));
  let embedded: EmbeddedConsole | null = null;
  let url = values.url?.replace(/\/$/, '');
  let login = { username: values.user ?? '', password: values.password ?? '', project: values.project };
  if (!url) {
    embedded = await startEmbeddedConsole({ servers: 20, log });
    url = embedded.url;
    login = { ...embedded.user, project: embedded.user.project };
  } else if (!login.username || !login.password) {
    throw new Error('--url needs --user and --password');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    log(`console ${url}${values.path}, user ${login.username}${login.project ? ` (project ${login.project})` : ''}, ${runs} cold run(s)`);
    const results: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const run = await oneRun(browser, url, values.path, login);
      results.push(run);
      const counted = run.callsForView === null ? 'backend calls not counted' : `backend calls: ${run.callsBeforeFirstRow} before the first row, ${run.callsForView} for the view`;
      const list = run.listMs === null ? '' : ` (list request ${run.listMs} ms)`;
      log(`run ${i + 1}: first row ${run.firstRowMs} ms${list}, ${run.browserRequests} browser requests, ${counted}`);
    }
    const firstRows = results.map((r) => r.firstRowMs);
    log('');
    const horizon = embedded
      ? '(Horizon’s 11,500 ms was measured on a real OpenStack: compare a --url run against one)'
      : `— Horizon 11,500 ms on the real backend: ${(HORIZON_FIRST_ROW_MS / median(firstRows)).toFixed(1)}× sooner (target ≥ 5×)`;
    log(`first row (ms):            ${stats(firstRows)}   ${horizon}`);
    const lists = results.flatMap((r) => (r.listMs === null ? [] : [r.listMs]));
    if (lists.length) log(`list request (ms):         ${stats(lists)}   (GET servers/detail through the gateway: the cloud's share of the first row)`);
    log(`browser requests (cold):   ${stats(results.map((r) => r.browserRequests))}   (target ≤ 30; last run: ${Object.entries(results.at(-1)!.byKind).map(([kind, n]) => `${n} ${kind}`).join(', ')})`);
    if (results.every((r) => r.callsForView !== null)) {
      log(`backend calls, first row:  ${stats(results.map((r) => r.callsBeforeFirstRow!))}   (target ≤ 1)`);
      log(`backend calls, view:       ${stats(results.map((r) => r.callsForView!))}   (target ≤ 4)`);
      const last = results.at(-1)!.calls.join(' | ');
      log(`calls of the last run: ${last}`);
      results.forEach((r, i) => {
        if (r.calls.join(' | ') !== last) log(`calls of run ${i + 1}: ${r.calls.join(' | ')}`);
      });
    } else {
      log('backend calls: not counted — the console does not offer GET /auth/test/upstream-calls (start it with GATEWAY_TEST_HOOKS=1)');
    }
  } finally {
    await browser.close();
    await embedded?.stop();
  }
}

await main();
