import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from './gateway/test-support/fake-upstream.ts';

// SIGTERM to a real `npm start` process (server/main.ts): it stops accepting connections,
// lets the request in flight finish, then exits — or cuts it after SHUTDOWN_TIMEOUT_MS.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

let upstream: FakeUpstream;
let child: ChildProcess | undefined;

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await upstream.stop();
});

async function startConsole(extra: Record<string, string>): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, IAM_ENDPOINT: upstream.base, PORT: '0', HOST: '127.0.0.1', ACCESS_LOG: '0', ...extra };
  for (const name of ['ECS_ENDPOINT', 'ECS_AUTH_TOKEN', 'ECS_REGION', 'SESSION_STORE', 'TRUST_PROXY']) delete env[name];
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ECS Console: (http\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'ecs-console' },
    body: JSON.stringify({ username: 'alice', password: 'alice-pw', project: 'alpha' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

const exitOf = (process: ChildProcess) =>
  new Promise<{ code: number | null; at: number }>((resolve) => process.once('exit', (code) => resolve({ code, at: Date.now() })));

function refusesConnections(base: string): Promise<boolean> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Starts a compute call the fake cloud answers after `delayMs` (or never), once the cloud has it. */
async function slowRequest(base: string, cookie: string, delayMs: number) {
  upstream.compute = (_req, res) => {
    if (delayMs !== Infinity) setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"servers":[]}'), delayMs);
  };
  const pending = fetch(`${base}/api/compute/v2.1/${upstream.projectId('alpha')}/servers`, { headers: { Cookie: cookie } }).then(
    async (res) => ({ status: res.status, body: await res.text() }),
    (error: Error) => ({ status: 0, body: String(error.cause ?? error) }),
  );
  await expect.poll(() => upstream.requestsTo(`/compute/v2.1/${upstream.projectId('alpha')}/servers`).length).toBe(1);
  return { answer: pending };
}

describe('SIGTERM', () => {
  it('stops accepting, finishes the request in flight, then exits 0', async () => {
    const base = await startConsole({ SHUTDOWN_TIMEOUT_MS: '15000' });
    const cookie = await login(base);
    const inFlight = await slowRequest(base, cookie, 1_500);
    const exited = exitOf(child!);
    child!.kill('SIGTERM');

    await expect.poll(() => refusesConnections(base), { timeout: 5_000 }).toBe(true);
    const answer = await inFlight.answer;
    expect(answer).toEqual({ status: 200, body: '{"servers":[]}' });
    const { code } = await exited;
    expect(code).toBe(0);
  });

  it('cuts what is still in flight after SHUTDOWN_TIMEOUT_MS', async () => {
    const base = await startConsole({ SHUTDOWN_TIMEOUT_MS: '500' });
    const cookie = await login(base);
    const inFlight = await slowRequest(base, cookie, Infinity);
    const exited = exitOf(child!);
    const sent = Date.now();
    child!.kill('SIGTERM');
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(5_000);
    expect((await inFlight.answer).status).toBe(0);
  });
});
