import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the cloud's process says of itself (bench/cpu-probe.ts). */
export interface Usage {
  cpuMs: number;
  rssMb: number;
}

export interface Session {
  token: string;
  projectId: string;
  headers: Record<string, string>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The embedded cloud in a process of its own, as `npm run cloud` runs it, on a free port, with
 * the CPU probe loaded: the bench's requests (and its reading of 1.4 MB answers) are not
 * counted against the cloud.
 */
export class CloudProcess {
  readonly address: string;
  private waiting: ((u: Usage) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    port: number,
  ) {
    this.address = `http://127.0.0.1:${port}`;
    child.on('message', (m) => this.waiting.shift()?.(m as Usage));
  }

  static async start(dbPath: string, transitionMs: number): Promise<CloudProcess> {
    const port = await freePort();
    const args = ['--import', 'tsx', '--import', './bench/cpu-probe.ts', 'server/cloud/main.ts', '--port', String(port), '--db', dbPath, '--transition-ms', String(transitionMs)];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const cloud = new CloudProcess(child, port);
    await cloud.waitUntilListening();
    return cloud;
  }

  /** The cloud's CPU time so far and its resident memory, asked over IPC. */
  usage(): Promise<Usage> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.send('usage');
    });
  }

  async login(user: string, password: string, project: string): Promise<Session> {
    const res = await fetch(`${this.address}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: 'Default' } } } },
          scope: { project: { name: project, domain: { name: 'Default' } } },
        },
      }),
    });
    if (res.status !== 201) throw new Error(`login of ${user} answered ${res.status}`);
    const token = res.headers.get('x-subject-token')!;
    const projectId = ((await res.json()) as { token: { project: { id: string } } }).token.project.id;
    // As the console's browser asks: the newest microversion here, answers compressed.
    const headers = { 'x-auth-token': token, 'x-openstack-nova-api-version': '2.26', 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' };
    return { token, projectId, headers };
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
  }

  private async waitUntilListening(): Promise<void> {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${this.address}/`)).ok) return;
      } catch {
        // not listening yet
      }
      if (this.child.exitCode !== null) throw new Error(`the cloud exited (${this.child.exitCode})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the cloud did not start at ${this.address}`);
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
