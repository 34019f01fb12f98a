import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseCloudPort, listenError } from './config.ts';
import { ConfigError } from './gateway/config-error.ts';

// A port already taken at start (a real OpenStack's Nova on 8774, a second console on 5173)
// is said as the setting to change, or avoided, never a stack trace.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const held: Server[] = [];

async function holdPort(): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
afterEach(async () => {
  await Promise.all(held.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('the embedded cloud’s port', () => {
  it('is the usual one when free', async () => {
    const free = await holdPort();
    await Promise.all(held.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    expect(await chooseCloudPort({}, '127.0.0.1', free)).toEqual({ port: free });
  });

  it('is any free port, said in a note, when the usual one is taken and CLOUD_PORT is not set', async () => {
    const taken = await holdPort();
    const chosen = await chooseCloudPort({}, '127.0.0.1', taken);
    expect(chosen.port).toBe(0);
    expect(chosen.note).toBe(`port ${taken} is in use, so the embedded cloud took a free one (CLOUD_PORT chooses)`);
  });

  it('is CLOUD_PORT as given, taken or not: the operator asked for it', async () => {
    const taken = await holdPort();
    expect(await chooseCloudPort({ CLOUD_PORT: String(taken) }, '127.0.0.1', 8774)).toEqual({ port: taken });
  });
});

describe('a listen that failed', () => {
  it('names the setting to change', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const said = listenError(inUse, 'The console', '0.0.0.0:5173', 'PORT');
    expect(said).toBeInstanceOf(ConfigError);
    expect((said as Error).message).toBe('The console cannot listen on 0.0.0.0:5173: the port is in use. Choose another with PORT.');
    const denied = Object.assign(new Error('listen EACCES'), { code: 'EACCES' });
    expect((listenError(denied, 'The console', '0.0.0.0:80', 'PORT') as Error).message).toMatch(/needs privileges\)\. Choose another with PORT\./);
    const other = new Error('something else');
    expect(listenError(other, 'The console', 'x', 'PORT')).toBe(other);
  });

  it('ends `npm start` with that sentence and exit code 1 when PORT is taken', async () => {
    const taken = await holdPort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(taken), HOST: '127.0.0.1', CLOUD_PORT: '0', CLOUD_DB: ':memory:', ACCESS_LOG: '0', ECS_ENDPOINT: '', IAM_ENDPOINT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: The console cannot listen on 127.0.0.1:${taken}: the port is in use. Choose another with PORT.`);
    expect(stderr).not.toContain('    at ');
  }, 60_000);
});
