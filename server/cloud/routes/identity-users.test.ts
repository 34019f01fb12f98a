import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { login, makeCloud, type Session } from '../test/harness.ts';

// GET /v3/users/{user_id} as Keystone answers it, and the demo users' default projects.

let app: FastifyInstance;
let admin: Session;
let alice: Session;
let bob: Session;
beforeAll(async () => {
  app = await makeCloud();
  [admin, alice, bob] = await Promise.all([login(app, 'admin'), login(app, 'alice'), login(app, 'bob')]);
});
afterAll(() => app.close());

const getUser = (id: string, token?: string) =>
  app.inject({ method: 'GET', url: `/v3/users/${id}`, headers: { host: 'cloud.test:8774', ...(token ? { 'x-auth-token': token } : {}) } });
const projectId = (name: string) => (app.db.prepare('SELECT id FROM projects WHERE name = ?').get(name) as { id: string }).id;

describe('users (Keystone v3)', () => {
  it("answers a user reading itself with Keystone's user reference, its default project included", async () => {
    const res = await getUser(alice.userId, alice.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: alice.userId,
        name: 'alice',
        domain_id: 'default',
        enabled: true,
        default_project_id: projectId('alpha'),
        password_expires_at: null,
        options: {},
        links: { self: `http://cloud.test:8774/v3/users/${alice.userId}` },
      },
    });
  });

  it('gives each demo user its default project: admin → admin, alice → alpha, bob → beta', async () => {
    for (const [s, project] of [[admin, 'admin'], [alice, 'alpha'], [bob, 'beta']] as const) {
      expect((await getUser(s.userId, admin.token)).json().user.default_project_id).toBe(projectId(project));
    }
  });

  it('lets an admin read any user, and answers an unknown one with 404', async () => {
    expect((await getUser(bob.userId, admin.token)).json().user.name).toBe('bob');
    const missing = await getUser('nope', admin.token);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 404, message: 'Could not find user: nope.', title: 'Not Found' } });
  });

  it('refuses anyone else with 403, whether the user exists or not', async () => {
    for (const id of [bob.userId, admin.userId, 'nope']) {
      const res = await getUser(id, alice.token);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: { code: 403, message: 'You are not authorized to perform the requested action: identity:get_user.', title: 'Forbidden' },
      });
    }
  });

  it('asks for a valid token', async () => {
    expect((await getUser(alice.userId)).statusCode).toBe(401);
    expect((await getUser(alice.userId, 'gAAAAAnot-a-token')).statusCode).toBe(401);
  });
});

describe('migration 004', () => {
  it('gives the demo users of an existing database their default projects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-users-'));
    const file = join(dir, 'cloud.sqlite');
    try {
      // A database as the cloud left it before the migration: schema up to 003, the demo identities.
      const old = new Database(file);
      old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of migrations.filter((x) => x.id < '004')) {
        old.exec(m.sql);
        old.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
      }
      old.exec(`INSERT INTO domains (id, name) VALUES ('default', 'Default');
                INSERT INTO projects (id, name, domain_id) VALUES ('p-admin', 'admin', 'default'), ('p-alpha', 'alpha', 'default'), ('p-beta', 'beta', 'default');`);
      for (const name of ['admin', 'alice', 'bob', 'carol']) {
        old.prepare("INSERT INTO users (id, name, domain_id, password_salt, password_hash) VALUES (?, ?, 'default', '', '')").run(`u-${name}`, name);
      }
      old.close();

      const { db, created } = openDatabase(file);
      const defaults = Object.fromEntries(
        (db.prepare('SELECT name, default_project_id AS p FROM users ORDER BY name').all() as { name: string; p: string | null }[]).map((r) => [r.name, r.p]),
      );
      db.close();
      expect(created).toBe(false);
      expect(defaults).toEqual({ admin: 'p-admin', alice: 'p-alpha', bob: 'p-beta', carol: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
