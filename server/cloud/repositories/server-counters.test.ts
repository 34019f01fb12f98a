import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { boot, catalogue } from '../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../test/harness.ts';
import { serverUsage, serversPerHost } from './servers.ts';

// Quota usage and host load are counters kept by triggers (migration 005), so that a create
// does not count the whole table. Whatever writes the servers, they must say what counting
// the table says.

type Db = Database.Database;
const counted = (db: Db) => ({
  usage: db
    .prepare('SELECT project_id, user_id, COUNT(*) AS instances, SUM(vcpus) AS cores, SUM(memory_mb) AS ram FROM servers WHERE deleted = 0 GROUP BY 1, 2 ORDER BY 1, 2')
    .all(),
  hosts: db.prepare('SELECT host, COUNT(*) AS servers FROM servers WHERE deleted = 0 AND host IS NOT NULL GROUP BY 1 ORDER BY 1').all(),
});
const kept = (db: Db) => ({
  usage: db.prepare('SELECT project_id, user_id, instances, cores, ram FROM server_usage WHERE instances > 0 ORDER BY 1, 2').all(),
  hosts: db.prepare('SELECT host, servers FROM host_load WHERE servers > 0 ORDER BY 1').all(),
});

let dir: string;
let app: FastifyInstance;
let alice: Session;
let admin: Session;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ecs-counters-'));
  app = await makeCloud({ dbPath: join(dir, 'cloud.sqlite') });
  [alice, admin] = await Promise.all([login(app, 'alice'), login(app, 'admin', 'alpha')]);
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('server counters (migration 005)', () => {
  it('[15.1][16.1] equal the counted table after creates, resizes, deletes and writes by another connection', async () => {
    const cat = catalogue(app, alice);
    const settled = (id: string) =>
      eventually(() => alice.call('GET', `servers/${id}`), (r) => r.statusCode === 404 || r.json().server['OS-EXT-STS:task_state'] === null);
    const check = () => expect(kept(app.db)).toEqual(counted(app.db));
    check();
    const one = await boot(alice, cat, { name: 'c1' });
    await boot(admin, cat, { name: 'c-many', min_count: 3, max_count: 3 });
    await settled(one);
    check();
    // A resize moves the server to the larger flavor's vcpus and ram; a revert brings them back.
    expect((await alice.call('POST', `servers/${one}/action`, { resize: { flavorRef: cat.bigFlavor } })).statusCode).toBe(202);
    await settled(one);
    check();
    expect((await alice.call('POST', `servers/${one}/action`, { revertResize: null })).statusCode).toBe(202);
    await settled(one);
    check();
    expect((await alice.call('DELETE', `servers/${one}`)).statusCode).toBe(204);
    await settled(one);
    check();
    // Writes no service made: another connection moves, soft-deletes and removes rows.
    const other = new Database(join(dir, 'cloud.sqlite'));
    try {
      const [a, b, c] = (other.prepare('SELECT id FROM servers WHERE deleted = 0 ORDER BY seq LIMIT 3').all() as { id: string }[]).map((r) => r.id);
      // One column at a time: each must move the counters on its own.
      for (const set of ["host = 'az1-host-2'", 'vcpus = vcpus + 3', 'memory_mb = 1', "user_id = 'someone'", "project_id = 'elsewhere'"]) {
        other.prepare(`UPDATE servers SET ${set} WHERE id = ?`).run(set.startsWith('host') || set.startsWith('vcpus') ? a : b);
        check();
      }
      other.prepare('UPDATE servers SET deleted = 1 WHERE id = ?').run(c);
      other.prepare('UPDATE servers SET deleted = 0 WHERE id = ?').run(c);
      other.prepare('DELETE FROM servers WHERE id = ?').run(a);
      check();
    } finally {
      other.close();
    }
    const usage = serverUsage(app.db, alice.projectId);
    const alices = serverUsage(app.db, alice.projectId, alice.userId);
    expect(usage.instances).toBeGreaterThan(alices.instances);
    const hosts = counted(app.db).hosts as { host: string; servers: number }[];
    expect(serversPerHost(app.db)).toEqual(new Map(hosts.map((h) => [h.host, h.servers])));
  });

  it('[15.1] start from what a database made before them holds', () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    const before = migrations.filter((m) => m.id < '005');
    for (const m of before) old.exec(m.sql);
    old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of before) old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.id, 'then');
    const insert = old.prepare(
      `INSERT INTO servers (id, seq, project_id, user_id, name, flavor_id, vcpus, memory_mb, availability_zone, host, hostname, reservation_id, vm_state, created_at, updated_at, deleted)
       VALUES (?, ?, ?, ?, 'vm', 'f', ?, ?, 'az1', ?, 'vm', 'r', 'active', 't', 't', ?)`,
    );
    [
      ['p1', 'u1', 2, 4096, 'h1', 0],
      ['p1', 'u1', 4, 8192, 'h2', 0],
      ['p1', 'u2', 1, 1024, null, 0],
      ['p2', 'u3', 8, 16384, 'h1', 1],
    ].forEach((r, i) => insert.run(`s${i}`, i + 1, ...r));
    old.close();
    const { db } = openDatabase(file);
    try {
      expect(kept(db)).toEqual(counted(db));
      expect(serverUsage(db, 'p1')).toEqual({ instances: 3, cores: 7, ram: 13312 });
      expect(serverUsage(db, 'p2')).toEqual({ instances: 0, cores: 0, ram: 0 });
      expect(serversPerHost(db)).toEqual(new Map([['h1', 1], ['h2', 1]]));
    } finally {
      db.close();
    }
  });
});
