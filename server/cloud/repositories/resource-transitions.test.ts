import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextResourceDueAt } from './resource-transitions.ts';
import { eventually, login, makeCloud } from '../test/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'cloud-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transitions of volumes, snapshots and images survive a restart', () => {
  it('[19.1] finishes a volume creation begun before the cloud stopped', async () => {
    const dbPath = join(dir, 'restart.sqlite');
    const first = await makeCloud({ dbPath, transitionMs: 400 });
    const s1 = await login(first, 'alice');
    const volume = (await s1.call('POST', 'os-volumes', { volume: { size: 3, display_name: 'across-restart' } })).json().volume;
    expect(volume.status).toBe('creating');
    const due = nextResourceDueAt(first.db);
    expect(due).not.toBeNull();
    expect(due! - Date.now()).toBeGreaterThan(0);
    await first.close();

    // Reopened with a much longer transition time: the stored due time still rules.
    const second = await makeCloud({ dbPath, transitionMs: 60_000 });
    try {
      const s2 = await login(second, 'alice');
      const done = await eventually(
        () => s2.call('GET', `os-volumes/${volume.id}`),
        (r) => r.json().volume.status === 'available',
        3000,
      );
      expect(done.json().volume.displayName).toBe('across-restart');
      expect(nextResourceDueAt(second.db)).toBeNull();
    } finally {
      await second.close();
    }
  });
});
