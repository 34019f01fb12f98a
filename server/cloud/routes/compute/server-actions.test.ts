import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync, privateDecrypt, constants } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getImage } from '../../repositories/images.ts';
import { setQuota } from '../../repositories/quotas.ts';
import { expectContract } from '../../test/contract.ts';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';
import { createKeypair } from '../../services/keypairs.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
let cat: ReturnType<typeof catalogue>;

beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
  cat = catalogue(app, alice);
  for (const [r, n] of [['instances', 100], ['cores', 400], ['ram', 800_000]] as const) setQuota(app.db, alice.projectId, r, n);
});
afterAll(() => app.close());

const show = async (id: string, s: Session = alice, version?: string) => (await s.call('GET', `servers/${id}`, undefined, { version })).json().server;
const until = (id: string, status: string) => eventually(() => show(id), (sv) => sv.status === status);
const act = (id: string, body: unknown, s: Session = alice, version?: string) => s.call('POST', `servers/${id}/action`, body, { version });
const activeServer = async (extra: Record<string, unknown> = {}) => {
  const id = await boot(alice, cat, extra);
  await until(id, 'ACTIVE');
  return id;
};

/** Watches a server through a transition, recording every status seen until it is `end` and idle. */
async function watch(id: string, end: string): Promise<string[]> {
  const seen: string[] = [];
  await eventually(
    () => show(id),
    (sv) => {
      if (seen[seen.length - 1] !== sv.status) seen.push(sv.status);
      return sv.status === end && sv['OS-EXT-STS:task_state'] === null;
    },
  );
  return seen;
}

describe('resize (5.1-5.3)', () => {
  it('[5.1] resizes through RESIZE to VERIFY_RESIZE on the new flavor', async () => {
    const id = await activeServer();
    const res = await act(id, { resize: { flavorRef: cat.bigFlavor } });
    expectContract(res, 'servers.server_actions_common_schema');
    const sv = await show(id);
    expect(sv.status).toBe('RESIZE');
    expect(sv['OS-EXT-STS:task_state']).toMatch(/^resize_/);
    await until(id, 'VERIFY_RESIZE');
    expect((await show(id)).flavor.id).toBe(cat.bigFlavor);
  });

  it('[5.1] refuses the same flavor, a smaller disk, an unknown flavor and a stopped-in-build server', async () => {
    const id = await activeServer();
    const same = await act(id, { resize: { flavorRef: cat.flavor } });
    expect(same.statusCode).toBe(400);
    expect(same.json().badRequest.message).toBe('When resizing, instances must change flavor!');
    expect((await act(id, { resize: { flavorRef: 's3.small.1' } })).json().badRequest.message).toMatch(/smaller disk/);
    expect((await act(id, { resize: { flavorRef: 'nope' } })).json().badRequest.message).toBe('Unable to locate requested flavor.');
    expect((await act(id, { resize: {} })).statusCode).toBe(400);
    expect((await act('00000000-0000-0000-0000-000000000000', { resize: { flavorRef: cat.bigFlavor } })).statusCode).toBe(404);
    expect((await act(id, { resize: { flavorRef: cat.bigFlavor } }, bob)).statusCode).toBe(404);
  });

  it('[5.2] confirms a resize: 204 at once, ACTIVE on the new flavor once the host has confirmed; refuses without a resize', async () => {
    const id = await activeServer();
    const early = await act(id, { confirmResize: null });
    expect(early.statusCode).toBe(409);
    expect(early.json().conflictingRequest.message).toBe(`Cannot 'confirmResize' instance ${id} while it is in vm_state active`);
    await act(id, { resize: { flavorRef: cat.bigFlavor } });
    await until(id, 'VERIFY_RESIZE');
    const res = await act(id, { confirmResize: null });
    expectContract(res, 'servers.server_actions_confirm_resize');
    const sv = await until(id, 'ACTIVE');
    expect(sv.flavor.id).toBe(cat.bigFlavor);
  });

  it('[5.3] reverts a resize through REVERT_RESIZE to ACTIVE on the old flavor', async () => {
    const id = await activeServer();
    expect((await act(id, { revertResize: null })).statusCode).toBe(409);
    await act(id, { resize: { flavorRef: cat.bigFlavor } });
    await until(id, 'VERIFY_RESIZE');
    const res = await act(id, { revertResize: null });
    expectContract(res, 'servers.server_actions_common_schema');
    expect((await show(id)).status).toBe('REVERT_RESIZE');
    await until(id, 'ACTIVE');
    expect((await show(id)).flavor.id).toBe(cat.flavor);
  });
});

describe('reboot, stop, start (5.4, 5.8, 5.9)', () => {
  it('[5.4] reboots SOFT through REBOOT to ACTIVE, HARD through HARD_REBOOT', async () => {
    const id = await activeServer();
    const soft = await act(id, { reboot: { type: 'SOFT' } });
    expectContract(soft, 'servers.server_actions_common_schema');
    expect(await watch(id, 'ACTIVE')).toContain('REBOOT');
    expect((await act(id, { reboot: { type: 'HARD' } })).statusCode).toBe(202);
    expect(await watch(id, 'ACTIVE')).toContain('HARD_REBOOT');
  });

  it('[5.4] refuses a bad type, and a soft reboot while rebooting', async () => {
    const id = await activeServer();
    expect((await act(id, { reboot: { type: 'GENTLE' } })).statusCode).toBe(400);
    expect((await act(id, { reboot: {} })).statusCode).toBe(400);
    const slow = await makeCloud({ transitionMs: 300 });
    try {
      const s = await login(slow, 'alice');
      const sid = await boot(s, catalogue(slow, s));
      const r = await s.call('POST', `servers/${sid}/action`, { reboot: { type: 'SOFT' } });
      expect(r.statusCode).toBe(409);
      expect(r.json().conflictingRequest.message).toBe(`Cannot 'reboot' instance ${sid} while it is in vm_state building`);
    } finally {
      await slow.close();
    }
  });

  it('[5.8] stops an ACTIVE server to SHUTOFF, power state 4', async () => {
    const id = await activeServer();
    const res = await act(id, { 'os-stop': null });
    expectContract(res, 'servers.server_actions_common_schema');
    expect(await watch(id, 'SHUTOFF')).toEqual(expect.arrayContaining(['SHUTOFF']));
    const sv = await show(id);
    expect(sv['OS-EXT-STS:power_state']).toBe(4);
    expect(sv['OS-EXT-STS:vm_state']).toBe('stopped');
    const again = await act(id, { 'os-stop': { type: 'HARD' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().conflictingRequest.message).toBe(`Cannot 'os-stop' instance ${id} while it is in vm_state stopped`);
  });

  it('[5.9] starts a SHUTOFF server; refuses to start a running one', async () => {
    const id = await activeServer();
    const running = await act(id, { 'os-start': null });
    expect(running.statusCode).toBe(409);
    expect(running.json().conflictingRequest.message).toBe(`Cannot 'os-start' instance ${id} while it is in vm_state active`);
    await act(id, { 'os-stop': null });
    await until(id, 'SHUTOFF');
    const res = await act(id, { 'os-start': null });
    expectContract(res, 'servers.server_actions_common_schema');
    await until(id, 'ACTIVE');
    expect((await show(id))['OS-EXT-STS:power_state']).toBe(1);
  });

  it('[5.4] refuses unknown actions and bodies with several keys', async () => {
    const id = await activeServer();
    expect((await act(id, { dance: null })).json().badRequest.message).toBe('There is no such action: dance');
    expect((await act(id, { 'os-start': null, 'os-stop': null })).statusCode).toBe(400);
  });
});

describe('createImage and rebuild (5.5, 5.6)', () => {
  it('[5.5] makes an image: 202 with Location, SAVING then ACTIVE, usable to boot', async () => {
    const id = await activeServer();
    const res = await act(id, { createImage: { name: 'snap-1', metadata: { purpose: 'backup' } } });
    expectContract(res, 'images.create_image');
    const imageId = String(res.headers.location).split('/').pop()!;
    expect(getImage(app.db, alice.projectId, imageId)?.status).toBe('saving');
    await eventually(async () => getImage(app.db, alice.projectId, imageId)?.status, (st) => st === 'active');
    expect(getImage(app.db, alice.projectId, imageId)?.metadata.purpose).toBe('backup');
    await eventually(() => show(id), (sv) => sv['OS-EXT-STS:task_state'] === null);
    const booted = await boot(alice, { image: imageId, flavor: cat.flavor }, { name: 'from-snap' });
    await until(booted, 'ACTIVE');
    expect((await act(id, { createImage: {} })).statusCode).toBe(400);
  });

  it('[5.6] rebuilds through REBUILD to ACTIVE with the new image, name and metadata', async () => {
    const id = await activeServer();
    const other = cat.images.find((i) => i.id !== cat.image && i.visibility === 'public' && i.min_ram === 0)!;
    const res = await act(id, { rebuild: { imageRef: other.id, name: 'rebuilt', metadata: { v: '2' }, adminPass: 'n3wPassw0rd' } }, alice, '2.26');
    expectContract(res, 'servers.rebuild_server_with_admin_pass', '2.26');
    const body = res.json().server;
    expect(body.status).toBe('REBUILD');
    expect(body.adminPass).toBe('n3wPassw0rd');
    expect(body.image.id).toBe(other.id);
    await until(id, 'ACTIVE');
    const sv = await show(id);
    expect(sv.name).toBe('rebuilt');
    expect(sv.metadata).toEqual({ v: '2' });
    expect((await act(id, { rebuild: { imageRef: '00000000-0000-0000-0000-000000000000' } })).json().badRequest.message).toBe('Cannot find image for rebuild');
    expect((await act(id, { rebuild: { name: 'x' } })).statusCode).toBe(400);
  });
});

describe('console output (5.7)', () => {
  it('[5.7] shows a boot log that follows the server\'s history, and its last lines', async () => {
    const id = await activeServer({ name: 'logged' });
    const first = await act(id, { 'os-getConsoleOutput': { length: -1 } });
    expectContract(first, 'servers.get_console_output');
    const log1: string = first.json().output;
    expect(log1).toContain('Linux version');
    expect(log1).toContain('Hostname set to <logged>');
    expect(log1).toContain('logged login:');
    await act(id, { reboot: { type: 'SOFT' } });
    await watch(id, 'ACTIVE');
    const log2: string = (await act(id, { 'os-getConsoleOutput': {} })).json().output;
    expect(log2.length).toBeGreaterThan(log1.length);
    expect(log2).toContain('reboot: Power down');
    expect(log2.startsWith(log1)).toBe(true);
    const tail: string = (await act(id, { 'os-getConsoleOutput': { length: '3' } })).json().output;
    expect(tail.split('\n')).toHaveLength(3);
    expect(log2.endsWith(tail)).toBe(true);
    expect((await act(id, { 'os-getConsoleOutput': { length: 'ten' } })).statusCode).toBe(400);
    expect((await act(id, { 'os-getConsoleOutput': { length: 5 } }, bob)).statusCode).toBe(404);
  });
});

describe('lock (5.10, 5.11)', () => {
  it('[5.10] locks a server: members get 409, admins still act', async () => {
    const id = await activeServer();
    const res = await act(id, { lock: null });
    expectContract(res, 'servers.server_actions_common_schema');
    expect((await show(id, alice, '2.9')).locked).toBe(true);
    const refused = await act(id, { 'os-stop': null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflictingRequest.message).toBe(`Instance ${id} is locked`);
    expect((await alice.call('DELETE', `servers/${id}`)).statusCode).toBe(409);
    expect((await act(id, { reboot: { type: 'HARD' } }, admin)).statusCode).toBe(202);
    expect((await act(id, { lock: null }, bob)).statusCode).toBe(404);
  });

  it('[5.11] unlocks: the owner undoes its own lock, not an admin\'s', async () => {
    const id = await activeServer();
    await act(id, { lock: null });
    const res = await act(id, { unlock: null });
    expectContract(res, 'servers.server_actions_common_schema');
    expect((await show(id, alice, '2.9')).locked).toBe(false);
    // The admin, from its own project, locks alice's server: locked_by admin.
    expect((await act(id, { lock: null }, admin)).statusCode).toBe(202);
    const denied = await act(id, { unlock: null });
    expect(denied.statusCode).toBe(403);
    expect((await act(id, { unlock: null }, admin)).statusCode).toBe(202);
    expect((await act(id, { 'os-stop': null })).statusCode).toBe(202);
  });
});

describe('server password (17.1, 17.2)', () => {
  it('[17.1] shows the admin password encrypted with the key pair, decryptable with its private key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    const mpint = (b64url: string) => {
      let b = Buffer.from(b64url, 'base64url');
      if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    };
    const str = (s: string) => Buffer.concat([Buffer.from([0, 0, 0, s.length]), Buffer.from(s)]);
    const blob = Buffer.concat([str('ssh-rsa'), mpint(jwk.e!), mpint(jwk.n!)]);
    createKeypair(app.db, { userId: alice.userId, projectId: alice.projectId, name: 'rsa-key', type: 'ssh', publicKey: `ssh-rsa ${blob.toString('base64')} test` });
    const res = await alice.call('POST', 'servers', { server: { name: 'win', imageRef: cat.image, flavorRef: cat.flavor, key_name: 'rsa-key', adminPass: 'S3cret-pass' } });
    const id = res.json().server.id;
    await until(id, 'ACTIVE');
    const pw = await alice.call('GET', `servers/${id}/os-server-password`);
    expectContract(pw, 'servers.show_password');
    // Node no longer decrypts PKCS#1 v1.5 itself (CVE-2023-46809): take the raw block and
    // strip the padding (00 02 <non-zero bytes> 00 <message>) as the console does.
    const block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(pw.json().password, 'base64'));
    expect([block[0], block[1]]).toEqual([0, 2]);
    expect(block.subarray(block.indexOf(0, 2) + 1).toString()).toBe('S3cret-pass');
    const plain = await activeServer();
    expect((await alice.call('GET', `servers/${plain}/os-server-password`)).json().password).toBe('');
    expect((await bob.call('GET', `servers/${id}/os-server-password`)).statusCode).toBe(404);
  });

  it('[17.2] clears the password record', async () => {
    const id = await activeServer();
    const res = await alice.call('DELETE', `servers/${id}/os-server-password`);
    expectContract(res, 'servers.server_actions_delete_password');
    expect((await alice.call('GET', `servers/${id}/os-server-password`)).json().password).toBe('');
    expect((await bob.call('DELETE', `servers/${id}/os-server-password`)).statusCode).toBe(404);
  });
});

describe('confirm resize completes in the background, as Nova does (5.2)', () => {
  let slow: FastifyInstance;
  let carol: Session;
  beforeAll(async () => {
    // transitions long enough to read the server between the 204 and the host's confirmation
    slow = await makeCloud({ transitionMs: 1500 });
    carol = await login(slow, 'alice');
    for (const [r, n] of [['instances', 100], ['cores', 400], ['ram', 800_000]] as const) setQuota(slow.db, carol.projectId, r, n);
  });
  afterAll(() => slow.close());

  it('[5.2] answers 204 while the server is still VERIFY_RESIZE with its updated time; a second confirm or a revert meanwhile is refused', async () => {
    const c = catalogue(slow, carol);
    const id = await boot(carol, c);
    const get = async () => (await carol.call('GET', `servers/${id}`)).json().server;
    await eventually(get, (sv) => sv.status === 'ACTIVE', 10_000);
    await carol.call('POST', `servers/${id}/action`, { resize: { flavorRef: c.bigFlavor } });
    const resized = await eventually(get, (sv) => sv.status === 'VERIFY_RESIZE', 10_000);

    const res = await carol.call('POST', `servers/${id}/action`, { confirmResize: null });
    expect(res.statusCode).toBe(204);
    const right = await get();
    // what the real Nova shows right after the 204: nothing moved yet
    expect(right.status).toBe('VERIFY_RESIZE');
    expect(right['OS-EXT-STS:task_state']).toBeNull();
    expect(right.updated).toBe(resized.updated);
    for (const body of [{ confirmResize: null }, { revertResize: null }]) {
      const again = await carol.call('POST', `servers/${id}/action`, body);
      expect(again.statusCode).toBe(400);
      expect(again.json().badRequest.message).toBe('Instance has not been resized.');
    }

    const done = await eventually(get, (sv) => sv.status === 'ACTIVE', 10_000);
    expect(done.flavor.id).toBe(c.bigFlavor);
    expect(done.updated).not.toBe(resized.updated);
    const actions = (await carol.call('GET', `servers/${id}/os-instance-actions`)).json().instanceActions;
    expect(actions.map((a: { action: string }) => a.action)).toContain('confirmResize');
  });
});
