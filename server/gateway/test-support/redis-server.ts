// A throwaway Redis for the shared-session tests: Debian's redis-server on a free loopback
// port, no persistence, stopped (and restartable on the same port) by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** The redis-server binary: REDIS_SERVER when set (and only it), else the PATH's, else Debian's; or null. */
export function findRedisServer(): string | null {
  const candidates = process.env.REDIS_SERVER
    ? [process.env.REDIS_SERVER]
    : [...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'redis-server')), '/usr/bin/redis-server', '/usr/sbin/redis-server'];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export class RedisUnderTest {
  private process: ChildProcess | null = null;
  port = 0;

  constructor(private readonly binary: string) {}

  url(db = 0): string {
    return `redis://127.0.0.1:${this.port}/${db}`;
  }

  async start(): Promise<this> {
    for (let attempt = 0; ; attempt++) {
      this.port ||= await freePort();
      try {
        await this.spawn();
        return this;
      } catch (error) {
        // Another process took the port between the probe and the spawn: pick another.
        if (attempt >= 3 || !/address already in use/i.test(String(error))) throw error;
        this.port = 0;
      }
    }
  }

  running(): boolean {
    return this.process !== null && this.process.exitCode === null;
  }

  /** Kills the server (Redis down); `start()` brings it back on the same port. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private spawn(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          child.stdout?.resume();
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${output}`));
      });
    });
  }
}
