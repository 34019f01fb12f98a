import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

// Nova's fixed extension list (no section of the spec): 99 entries on /v2.1, 100 on /v2,
// as Nova Zed answers them at every microversion.

let app: FastifyInstance;
let alice: Session;
beforeAll(async () => {
  app = await makeCloud();
  alice = await login(app, 'alice');
});
afterAll(() => app.close());

const DCF = {
  alias: 'OS-DCF',
  description: 'Disk Management Extension.',
  links: [],
  name: 'DiskConfig',
  namespace: 'http://docs.openstack.org/compute/ext/fake_xml',
  updated: '2014-12-03T00:00:00Z',
};

describe('extensions (Nova, outside the spec)', () => {
  it('lists Nova\'s extensions by alias, in Nova\'s words and key order, at any microversion', async () => {
    for (const version of [undefined, '2.26']) {
      const res = await alice.call('GET', 'extensions', undefined, { version });
      expect(res.statusCode).toBe(200);
      expectContract(res, 'extensions.list_extensions', version);
      expect(res.body.startsWith('{"extensions":[{"alias":"NMN","description":"Multiple network support.","links":[],"name":"Multinic","namespace":')).toBe(true);
      const aliases = (res.json().extensions as { alias: string }[]).map((e) => e.alias);
      expect(aliases).toHaveLength(99);
      expect([...aliases].sort()).toEqual(aliases);
      expect(aliases).toEqual(expect.arrayContaining(['os-volumes', 'os-server-start-stop', 'os-instance-actions', 'os-extended-volumes']));
      expect(aliases).not.toContain('OS-EXT-VIF-NET');
      expect(res.json().extensions).toContainEqual(DCF);
    }
    const legacy = (await alice.call('GET', 'extensions', undefined, { legacy: true })).json().extensions as { alias: string }[];
    expect(legacy).toHaveLength(100);
    expect(legacy[8]).toMatchObject({ alias: 'OS-EXT-VIF-NET', name: 'ExtendedVIFNet' });
  });

  it('shows one extension by alias, 404 for an alias the list has not', async () => {
    const res = await alice.call('GET', 'extensions/OS-DCF');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ extension: DCF });
    for (const [alias, legacy] of [['nope', false], ['OS-EXT-VIF-NET', false], ['os-dcf', true]] as const) {
      const missing = await alice.call('GET', `extensions/${alias}`, undefined, { legacy });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
    }
    expect((await alice.call('GET', 'extensions/OS-EXT-VIF-NET', undefined, { legacy: true })).json().extension.alias).toBe('OS-EXT-VIF-NET');
    expect((await app.inject({ method: 'GET', url: `/v2.1/${alice.projectId}/extensions` })).statusCode).toBe(401);
  });
});
