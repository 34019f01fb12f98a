import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

const ids = (body: { flavors: { id: string }[] }) => body.flavors.map((f) => f.id);

describe('flavors (chapter 6)', () => {
  it('[6.1] lists public, enabled flavors by flavorid with self and bookmark links', async () => {
    const res = await bob.call('GET', 'flavors');
    expectContract(res, 'flavors.list_flavors');
    const list = ids(res.json());
    expect(list).toEqual([...list].sort());
    expect(list).toContain('s3.small.1');
    expect(list).not.toContain('s2.medium.4'); // disabled
    expect(list).not.toContain('p2s.2xlarge.8'); // private to alpha
    const f = res.json().flavors[0];
    expect(f.links).toEqual([
      { rel: 'self', href: `http://localhost:80/v2.1/${bob.projectId}/flavors/${f.id}` },
      { rel: 'bookmark', href: `http://localhost:80/${bob.projectId}/flavors/${f.id}` },
    ]);
  });

  it('[6.1] shows a private flavor to the project it was granted to', async () => {
    expect(ids((await alice.call('GET', 'flavors')).json())).toContain('p2s.2xlarge.8');
  });

  it('[6.1] filters by minDisk and minRam and refuses non-integers', async () => {
    const res = await bob.call('GET', 'flavors/detail?minRam=16384&minDisk=80');
    for (const f of res.json().flavors) {
      expect(f.ram).toBeGreaterThanOrEqual(16384);
      expect(f.disk).toBeGreaterThanOrEqual(80);
    }
    expect(ids(res.json())).toEqual(['c6.2xlarge.4', 'm6.xlarge.8', 's3.2xlarge.4']);
    const bad = await bob.call('GET', 'flavors?minRam=lots');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().badRequest.message).toBe('Invalid minRam filter [lots]');
  });

  it('[6.1] lets only admins choose is_public (true, false, none)', async () => {
    const privateOnly = ids((await admin.call('GET', 'flavors?is_public=false')).json());
    expect(privateOnly).toEqual(['p2s.2xlarge.8']);
    const all = ids((await admin.call('GET', 'flavors?is_public=None')).json());
    expect(all).toHaveLength(12);
    expect(all).toContain('s2.medium.4');
    // A member asking for private flavors still gets the public ones (the spec's rule).
    const member = ids((await bob.call('GET', 'flavors?is_public=false')).json());
    expect(member).toEqual(ids((await bob.call('GET', 'flavors')).json()));
    const bad = await admin.call('GET', 'flavors?is_public=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().badRequest.message).toBe('Invalid is_public filter [maybe]');
  });

  it('[6.1] sorts by sort_key and sort_dir and refuses unknown keys', async () => {
    const res = await bob.call('GET', 'flavors/detail?sort_key=memory_mb&sort_dir=desc');
    const rams = res.json().flavors.map((f: { ram: number }) => f.ram);
    expect(rams).toEqual([...rams].sort((a, b) => b - a));
    expect((await bob.call('GET', 'flavors?sort_key=colour')).statusCode).toBe(400);
    expect((await bob.call('GET', 'flavors?sort_dir=up')).statusCode).toBe(400);
  });

  it('[6.1] pages with limit and marker and a flavors_links next link', async () => {
    const first = await bob.call('GET', 'flavors?limit=4');
    expectContract(first, 'flavors.list_flavors');
    const body = first.json();
    expect(body.flavors).toHaveLength(4);
    const next = new URL(body.flavors_links[0].href);
    expect(next.searchParams.get('marker')).toBe(body.flavors[3].id);
    expect(next.searchParams.get('limit')).toBe('4');
    const second = await bob.call('GET', `flavors?limit=4&marker=${body.flavors[3].id}`);
    expect(ids(second.json())[0] > body.flavors[3].id).toBe(true);
    const all = ids((await bob.call('GET', 'flavors')).json());
    expect((await bob.call('GET', 'flavors')).json().flavors_links).toBeUndefined();
    expect([...ids(body), ...ids(second.json())]).toEqual(all.slice(0, 8));
    const badMarker = await bob.call('GET', 'flavors?marker=nope');
    expect(badMarker.statusCode).toBe(400);
    expect(badMarker.json().badRequest.message).toBe('marker [nope] not found');
  });

  it('[6.2] lists flavor details in the base-version shape, on /v2 as on /v2.1', async () => {
    for (const legacy of [false, true]) {
      const res = await bob.call('GET', 'flavors/detail', undefined, { legacy });
      expectContract(res, 'flavors.list_flavors_details');
      const small = res.json().flavors.find((f: { id: string }) => f.id === 's3.small.1');
      expect(small).toMatchObject({
        name: 's3.small.1',
        vcpus: 1,
        ram: 1024,
        disk: 20,
        swap: '',
        'OS-FLV-EXT-DATA:ephemeral': 0,
        'OS-FLV-DISABLED:disabled': false,
        'os-flavor-access:is_public': true,
        rxtx_factor: 1,
      });
      expect(small.links[0].href).toContain(legacy ? '/v2/' : '/v2.1/');
    }
  });

  it('[6.3] shows a flavor, a disabled one included', async () => {
    const res = await bob.call('GET', 'flavors/c6.large.2', undefined, { version: '2.26' });
    expectContract(res, 'flavors.create_update_get_flavor_details', '2.26');
    expect(res.json().flavor).toMatchObject({ id: 'c6.large.2', vcpus: 2, ram: 4096 });
    const disabled = await bob.call('GET', 'flavors/s2.medium.4');
    expect(disabled.json().flavor['OS-FLV-DISABLED:disabled']).toBe(true);
  });

  it('[6.3] answers 404 for an unknown flavor and for a private flavor of another project', async () => {
    const res = await bob.call('GET', 'flavors/m9.huge');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ itemNotFound: { code: 404, message: 'Flavor m9.huge could not be found.' } });
    expect((await bob.call('GET', 'flavors/p2s.2xlarge.8')).statusCode).toBe(404);
    expect((await alice.call('GET', 'flavors/p2s.2xlarge.8')).statusCode).toBe(200);
  });

  it('[6.4] lists a flavor\'s extra specs', async () => {
    const res = await bob.call('GET', 'flavors/s3.small.1/os-extra_specs');
    expectContract(res, 'flavors_extra_specs.set_get_flavor_extra_specs');
    expect(res.json().extra_specs).toMatchObject({ 'ecs:generation': 's3', 'cond:operation:status': 'normal' });
    const one = await bob.call('GET', 'flavors/s3.small.1/os-extra_specs/ecs:generation');
    expect(one.json()).toEqual({ 'ecs:generation': 's3' });
    expect((await bob.call('GET', 'flavors/nope/os-extra_specs')).statusCode).toBe(404);
    expect((await bob.call('GET', 'flavors/p2s.2xlarge.8/os-extra_specs')).statusCode).toBe(404);
  });
});
