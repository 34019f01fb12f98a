import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeCloud, type Session } from '../../test/harness.ts';

// servers/detail writes its JSON by hand for speed (views/server-detail-json.ts); the single
// server view is built as objects. The two must never drift: every listed server must equal
// what GET servers/{id} answers, for each role and each microversion that changes the shape.

let app: FastifyInstance;
let alice: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, admin] = await Promise.all([login(app, 'alice'), login(app, 'admin', 'alpha')]);
  // a name, metadata and tags that need escaping, and a locked server
  const list = (await alice.call('GET', 'servers/detail')).json().servers as { id: string }[];
  const id = list[0].id;
  await alice.call('PUT', `servers/${id}`, { server: { name: 'q"uote\\back\u00e9\u2028' } });
  await alice.call('POST', `servers/${id}/metadata`, { metadata: { '01': 'ü\n"x"', '2': '<b>' } }, { version: '2.26' });
  await alice.call('PUT', `servers/${id}/tags/a"b`, undefined, { version: '2.26' });
  await alice.call('POST', `servers/${id}/action`, { lock: null });
});
afterAll(() => app.close());

describe('servers/detail and servers/{id} agree', () => {
  for (const version of ['2.1', '2.3', '2.9', '2.16', '2.19', '2.26']) {
    it(`[4.10] lists exactly what each server's detail shows at ${version}, as member and admin`, async () => {
      for (const s of [alice, admin]) {
        const listed = (await s.call('GET', 'servers/detail', undefined, { version })).json().servers as { id: string }[];
        expect(listed.length).toBeGreaterThan(0);
        for (const server of listed) {
          const one = (await s.call('GET', `servers/${server.id}`, undefined, { version })).json().server;
          expect(server).toEqual(one);
        }
      }
    });
  }
  it('[4.5] lists on /v2 exactly what each server shows there', async () => {
    const listed = (await alice.call('GET', 'servers/detail', undefined, { legacy: true })).json().servers as { id: string }[];
    for (const server of listed) {
      expect(server).toEqual((await alice.call('GET', `servers/${server.id}`, undefined, { legacy: true })).json().server);
    }
  });
});
