import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, catalogue } from '../../test/fixtures.ts';
import { eventually, login, makeCloud, type Session } from '../../test/harness.ts';

// No input crashes the servers area or leaves half-written state: odd bodies get a 4xx.

let app: FastifyInstance;
let alice: Session;
let id: string;

beforeAll(async () => {
  app = await makeCloud();
  alice = await login(app, 'alice');
  id = await boot(alice, catalogue(app, alice));
  await eventually(() => alice.call('GET', `servers/${id}`), (r) => r.json().server.status === 'ACTIVE');
});
afterAll(() => app.close());

const ODD = [null, [], 'text', 42, true, {}, { a: null }, [{}], { '': '' }];

describe('odd inputs', () => {
  it('[4.2] answers every odd create body with a 4xx and stores nothing', async () => {
    const count = () => (app.db.prepare('SELECT COUNT(*) AS n FROM servers').get() as { n: number }).n;
    const before = count();
    const bodies: unknown[] = [...ODD, ...ODD.map((v) => ({ server: v }))];
    for (const key of ['name', 'imageRef', 'flavorRef', 'networks', 'metadata', 'personality', 'block_device_mapping_v2', 'security_groups', 'min_count', 'user_data', 'key_name', 'availability_zone', 'config_drive']) {
      for (const v of ODD) bodies.push({ server: { name: 'x', imageRef: catalogue(app, alice).image, flavorRef: 's3.large.2', [key]: v } });
    }
    let accepted = 0;
    for (const body of bodies) {
      const res = await alice.call('POST', 'servers', body);
      expect(res.statusCode, JSON.stringify(body)).toBeLessThan(500);
      if (res.statusCode === 202) {
        accepted++;
        await alice.call('DELETE', `servers/${res.json().server.id}`);
      }
    }
    // Refused requests left no row behind (accepted ones stay as deleted rows).
    expect(count()).toBe(before + accepted);
  });

  it('[5.4] answers every odd action argument with a 4xx', async () => {
    for (const action of ['reboot', 'resize', 'confirmResize', 'revertResize', 'rebuild', 'createImage', 'os-getConsoleOutput', 'os-stop', 'os-start', 'lock', 'unlock']) {
      for (const v of ODD) {
        const res = await alice.call('POST', `servers/${id}/action`, { [action]: v });
        expect(res.statusCode, `${action} ${JSON.stringify(v)}`).toBeLessThan(500);
      }
    }
    for (const body of ODD) expect((await alice.call('POST', `servers/${id}/action`, body)).statusCode).toBeLessThan(500);
  });

  it('[10.2] answers odd metadata, tag, attachment and interface bodies with a 4xx', async () => {
    const calls: [string, string, (v: unknown) => unknown][] = [
      ['PUT', `servers/${id}/metadata`, (v) => ({ metadata: v })],
      ['POST', `servers/${id}/metadata`, (v) => v],
      ['PUT', `servers/${id}/metadata/k`, (v) => ({ meta: v })],
      ['PUT', `servers/${id}/tags`, (v) => ({ tags: v })],
      ['POST', `servers/${id}/os-volume_attachments`, (v) => ({ volumeAttachment: v })],
      ['POST', `servers/${id}/os-interface`, (v) => ({ interfaceAttachment: v })],
      ['POST', 'os-server-groups', (v) => ({ server_group: v })],
      ['PUT', `servers/${id}`, (v) => ({ server: v })],
    ];
    for (const [method, path, wrap] of calls) {
      for (const v of ODD) {
        const res = await alice.call(method as 'PUT', path, wrap(v), { version: '2.26' });
        expect(res.statusCode, `${method} ${path} ${JSON.stringify(v)}`).toBeLessThan(500);
      }
    }
  });
});
