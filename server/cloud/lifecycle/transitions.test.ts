import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCloud } from '../app.ts';
import { setQuota } from '../repositories/quotas.ts';
import { boot, catalogue } from '../test/fixtures.ts';
import { eventually, login, makeCloud } from '../test/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecs-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durability and atomicity of the server lifecycle', () => {
  it('[4.2] a server closed mid-BUILD resumes after a restart and reaches ACTIVE', async () => {
    const file = join(dir, 'resume.sqlite');
    const first = await buildCloud({ dbPath: file, transitionMs: 600 });
    await first.ready();
    const s1 = await login(first, 'alice');
    const id = await boot(s1, catalogue(first, s1), { name: 'survivor' });
    const during = (await s1.call('GET', `servers/${id}`)).json().server;
    expect(during.status).toBe('BUILD');
    await first.close();

    const second = await buildCloud({ dbPath: file, transitionMs: 20 });
    await second.ready();
    try {
      const s2 = await login(second, 'alice');
      const done = await eventually(() => s2.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE', 5000);
      expect(done.json().server.name).toBe('survivor');
      const actions = (await s2.call('GET', `servers/${id}/os-instance-actions`)).json().instanceActions;
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['create']);
    } finally {
      await second.close();
    }
  });

  it('[4.7] a delete in flight at shutdown completes after the restart', async () => {
    const file = join(dir, 'delete.sqlite');
    const first = await buildCloud({ dbPath: file, transitionMs: 20 });
    await first.ready();
    const s1 = await login(first, 'alice');
    const id = await boot(s1, catalogue(first, s1));
    await eventually(() => s1.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');
    await first.close();
    // Slow the next run down so the delete is still in flight when it closes.
    const slow = await buildCloud({ dbPath: file, transitionMs: 1000 });
    await slow.ready();
    const s2 = await login(slow, 'alice');
    expect((await s2.call('DELETE', `servers/${id}`)).statusCode).toBe(204);
    await slow.close();
    const third = await buildCloud({ dbPath: file, transitionMs: 20 });
    await third.ready();
    try {
      const s3 = await login(third, 'alice');
      await eventually(() => s3.call('GET', `servers/${id}`), (r) => r.statusCode === 404, 5000);
    } finally {
      await third.close();
    }
  });

  it('[4.2] concurrent creates never pass the instances quota', async () => {
    const app = await makeCloud();
    try {
      const s = await login(app, 'bob');
      const cat = catalogue(app, s);
      setQuota(app.db, s.projectId, 'instances', 6);
      setQuota(app.db, s.projectId, 'cores', 100);
      const used = (await s.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.call('POST', 'servers', { server: { name: `race-${i}`, imageRef: cat.image, flavorRef: 's3.medium.2' } })),
      );
      const ok = results.filter((r) => r.statusCode === 202).length;
      expect(ok).toBe(6 - used);
      for (const r of results.filter((x) => x.statusCode !== 202)) {
        expect(r.statusCode).toBe(403);
        expect(r.json().forbidden.message).toBe(`Quota exceeded for instances: Requested 1, but already used 6 of 6 instances`);
      }
      expect((await s.call('GET', 'limits')).json().limits.absolute.totalInstancesUsed).toBe(6);
    } finally {
      await app.close();
    }
  });

  it('[4.2] refuses injected files over the personality quotas, storing nothing', async () => {
    const app = await makeCloud();
    try {
      const s = await login(app, 'alice');
      const cat = catalogue(app, s);
      const file = (path: string, bytes: number) => ({ path, contents: Buffer.alloc(bytes, 97).toString('base64') });
      const post = (personality: unknown[]) => s.call('POST', 'servers', { server: { name: 'p', imageRef: cat.image, flavorRef: cat.flavor, personality } });
      expect((await post(Array.from({ length: 6 }, (_, i) => file(`/etc/f${i}`, 1)))).json().forbidden.message).toBe('Personality file limit exceeded');
      expect((await post([file('/etc/big', 10241)])).json().forbidden.message).toBe('Personality file content exceeds maximum 10240');
      expect((await post([file(`/${'p'.repeat(255)}`, 1)])).json().forbidden.message).toBe('Personality file path exceeds maximum 255');
      expect((await post([{ path: '/etc/x', contents: 'not base64!' }])).statusCode).toBe(400);
      const ok = await post([file('/etc/banner.txt', 100)]);
      expect(ok.statusCode).toBe(202);
      const id = ok.json().server.id;
      await eventually(() => s.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');
      const log = (await s.call('POST', `servers/${id}/action`, { 'os-getConsoleOutput': {} })).json().output;
      expect(log).toContain('injected file /etc/banner.txt (100 bytes)');
    } finally {
      await app.close();
    }
  });
});
