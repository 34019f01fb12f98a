import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateServer } from './servers.ts';
import { insertVolume } from './volumes.ts';
import { boot, catalogue } from '../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../test/harness.ts';
import { createNetwork } from '../services/networks.ts';
import { findServers } from '../services/server-list.ts';

// The server lists keep each server's row and detail JSON until a write touches that
// server (repositories/server-list-cache.ts). After every kind of write that changes what a
// listed server shows, the list must still equal each server's single view, which is never
// kept: at the microversions that change the shape, as member and admin.

let dir: string;
let app: FastifyInstance;
let alice: Session;
let admin: Session;
let cat: ReturnType<typeof catalogue>;
let ids: string[];

const VERSIONS = ['2.1', '2.3', '2.26'];
const listed = async (s: Session, version: string) => (await s.call('GET', 'servers/detail', undefined, { version })).json().servers as { id: string }[];
const show = async (sid: string) => (await alice.call('GET', `servers/${sid}`)).json().server;
const settled = (sid: string) => eventually(() => show(sid), (sv) => sv['OS-EXT-STS:task_state'] === null);

/** Lists at each version (so that the caches hold every server), runs the write, then checks. */
async function afterWrite(write: () => Promise<unknown> | unknown): Promise<{ id: string }[]> {
  for (const version of VERSIONS) for (const s of [alice, admin]) await listed(s, version);
  await write();
  let servers: { id: string }[] = [];
  for (const version of VERSIONS) {
    for (const s of [alice, admin]) {
      servers = await listed(s, version);
      for (const server of servers) {
        expect(server).toEqual((await s.call('GET', `servers/${server.id}`, undefined, { version })).json().server);
      }
    }
  }
  return servers;
}
const action = async (sid: string, body: unknown) => {
  const res = await alice.call('POST', `servers/${sid}/action`, body);
  expect(res.statusCode, res.body).toBe(202);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ecs-list-cache-'));
  app = await makeCloud({ dbPath: join(dir, 'cloud.sqlite') });
  [alice, admin] = await Promise.all([login(app, 'alice'), login(app, 'admin', 'alpha')]);
  cat = catalogue(app, alice);
  ids = [];
  for (const name of ['one', 'two', 'three']) ids.push(await boot(alice, cat, { name, availability_zone: 'az-1' }));
  for (const id of ids) await settled(id);
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('servers/detail right after a write equals each server shown alone', () => {
  it('[4.10] after an update, metadata, tags and a lock', async () => {
    await afterWrite(() => alice.call('PUT', `servers/${ids[0]}`, { server: { name: 'renamed', description: 'd' } }, { version: '2.26' }));
    await afterWrite(() => alice.call('PUT', `servers/${ids[0]}/metadata/k`, { meta: { k: 'v' } }));
    await afterWrite(() => alice.call('PUT', `servers/${ids[1]}/tags/blue`, undefined, { version: '2.26' }));
    const servers = await afterWrite(() => action(ids[2], { lock: null }));
    expect(servers.find((s) => s.id === ids[0])).toMatchObject({ name: 'renamed', metadata: { k: 'v' } });
  });

  it('[22.6] after security groups are added, renamed and removed', async () => {
    const group = (await alice.call('POST', 'os-security-groups', { security_group: { name: 'listed', description: 'w' } })).json().security_group;
    await afterWrite(() => action(ids[0], { addSecurityGroup: { name: 'listed' } }));
    const servers = await afterWrite(() => alice.call('PUT', `os-security-groups/${group.id}`, { security_group: { name: 'front', description: 'w' } }));
    expect(servers.find((s) => s.id === ids[0])).toMatchObject({ security_groups: expect.arrayContaining([{ name: 'front' }]) });
    await afterWrite(() => action(ids[0], { removeSecurityGroup: { name: 'front' } }));
  });

  it('[12.1][13.1] after a volume and an interface are attached and a network is renamed', async () => {
    const volume = insertVolume(app.db, { projectId: alice.projectId, name: 'data', size: 10, availabilityZone: 'az-1', status: 'available' }).id;
    await afterWrite(() => alice.call('POST', `servers/${ids[1]}/os-volume_attachments`, { volumeAttachment: { volumeId: volume } }));
    const net = createNetwork(app.db, { projectId: alice.projectId, label: 'backend', cidr: '172.16.5.0/24' });
    await afterWrite(() => alice.call('POST', `servers/${ids[1]}/os-interface`, { interfaceAttachment: { net_id: net.id } }));
    // No API renames a network; the list must follow the table all the same.
    const servers = await afterWrite(() => app.db.prepare('UPDATE networks SET label = ? WHERE id = ?').run('storage', net.id));
    expect(Object.keys((servers.find((s) => s.id === ids[1]) as unknown as { addresses: object }).addresses)).toContain('storage');
  });

  it('[4.2][4.9] after a stop, a boot and a delete', async () => {
    await afterWrite(async () => {
      await action(ids[0], { 'os-stop': null });
      await settled(ids[0]);
    });
    const added = await boot(alice, cat, { name: 'four', networks: [{ uuid: cat.network.id }] });
    await settled(added);
    expect((await afterWrite(() => {})).map((s) => s.id)).toContain(added);
    const servers = await afterWrite(async () => {
      expect((await alice.call('DELETE', `servers/${added}`)).statusCode).toBe(204);
      await eventually(() => alice.call('GET', `servers/${added}`), (r) => r.statusCode === 404);
    });
    expect(servers.map((s) => s.id)).not.toContain(added);
  });

  it('[4.10] after a write by another connection', async () => {
    const other = new Database(join(dir, 'cloud.sqlite'));
    try {
      const servers = await afterWrite(() => other.prepare('UPDATE servers SET name = ? WHERE id = ?').run('elsewhere', ids[1]));
      expect(servers.find((s) => s.id === ids[1])).toMatchObject({ name: 'elsewhere' });
    } finally {
      other.close();
    }
  });

  it('[4.10] after a write that was rolled back, having been listed inside its transaction', async () => {
    const ctx = { projectId: alice.projectId, isAdmin: false, mv: { atLeast: () => true } } as unknown as Parameters<typeof findServers>[1];
    const servers = await afterWrite(() => {
      expect(() =>
        app.db.transaction(() => {
          updateServer(app.db, ids[0], { name: 'uncommitted' }, new Date().toISOString());
          expect(findServers(app.db, ctx, {}, true).rows.find((r) => r.id === ids[0])?.name).toBe('uncommitted');
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
    });
    expect(servers.find((s) => s.id === ids[0])).toMatchObject({ name: 'renamed' });
  });
});
