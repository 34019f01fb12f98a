import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloud } from './app.ts';

// Issue 13: the standard OpenStack client (Debian's python3-openstackclient) drives a fresh
// cloud through the whole session of scripts/openstack-client-check.sh, `openstack` alone.

const SCRIPT = fileURLToPath(new URL('../../scripts/openstack-client-check.sh', import.meta.url));
// The script runs Debian's client first in its PATH; any `openstack` will do to run it.
const installed = spawnSync('bash', ['-c', 'PATH=/usr/bin:$PATH command -v openstack'], { encoding: 'utf8' }).status === 0;
if (!installed) {
  console.warn(
    'Skipped the OpenStack client check: `openstack` was not found. Install it with `bash scripts/install-test-deps.sh` ' +
      '(apt-get install python3-openstackclient).',
  );
}

/** Runs the script against `base` with no OS_* setting of this shell, all its output in one text. */
function runCheck(base: string): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OS_')));
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, base], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!installed)('the standard OpenStack client, end to end (issue 13)', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await buildCloud({ dbPath: ':memory:', transitionMs: 200 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.close());

  it('passes the 26 steps of scripts/openstack-client-check.sh with openstack alone', async () => {
    const { code, output } = await runCheck(base);
    expect(code, output).toBe(0);
    expect(output.match(/^ok \d+\/26 /gm), output).toHaveLength(26);
    expect(output).toContain(`OK: all 26 steps passed with openstack against ${base}`);
  }, 480_000);
});
