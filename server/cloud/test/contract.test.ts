import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContract } from './contract.ts';
import { boot, catalogue } from './fixtures.ts';
import { login, makeCloud, type Session } from './harness.ts';
import { SKIPPED_NOTICE, tempestSchemaDir } from './nova-contract.ts';
import { ownContracts } from './own-schemas.ts';

// The own contract must catch a cloud that drifts from what the console relies on: each case
// takes a real answer of the embedded cloud, breaks one thing, and expects the check to fail.

let app: FastifyInstance;
let alice: Session;
let serverId: string;

beforeAll(async () => {
  app = await makeCloud();
  alice = await login(app, 'alice');
  serverId = await boot(alice, catalogue(app, alice));
});
afterAll(() => app.close());

/** The same answer with another body or status, as expectContract reads it. */
function altered(res: LightMyRequestResponse, change: { body?: unknown; statusCode?: number }): LightMyRequestResponse {
  const body = 'body' in change ? JSON.stringify(change.body) : res.body;
  return { statusCode: change.statusCode ?? res.statusCode, headers: res.headers, body, json: () => JSON.parse(body) } as unknown as LightMyRequestResponse;
}

function without<T extends Record<string, unknown>>(object: T, key: string): T {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

describe('own contract', () => {
  it('[4.8] accepts the server the cloud sends, and fails when it drops status or answers another code', async () => {
    const res = await alice.call('GET', `servers/${serverId}`);
    expectContract(res, 'servers.get_server');
    const { server } = res.json();
    expect(() => expectContract(altered(res, { body: { server: without(server, 'status') } }), 'servers.get_server')).toThrow(/status/);
    expect(() => expectContract(altered(res, { body: { server: without(server, 'metadata') } }), 'servers.get_server')).toThrow(/metadata/);
    expect(() => expectContract(altered(res, { body: { server: without(server, 'OS-EXT-STS:task_state') } }), 'servers.get_server')).toThrow(/task_state/);
    expect(() => expectContract(altered(res, { statusCode: 203 }), 'servers.get_server')).toThrow(/status of/);
  });

  it('[4.8] holds each microversion to its fields: tags from 2.26 and never before', async () => {
    const v226 = await alice.call('GET', `servers/${serverId}`, undefined, { version: '2.26' });
    expectContract(v226, 'servers.get_server', '2.26');
    const { server } = v226.json();
    expect(() => expectContract(altered(v226, { body: { server: without(server, 'tags') } }), 'servers.get_server', '2.26')).toThrow(/tags is required from 2.26/);
    expect(() => expectContract(altered(v226, { body: { server: without(server, 'locked') } }), 'servers.get_server', '2.26')).toThrow(/locked is required from 2.9/);
    const v21 = await alice.call('GET', `servers/${serverId}`);
    expect(() => expectContract(altered(v21, { body: { server: { ...v21.json().server, tags: [] } } }), 'servers.get_server')).toThrow(/tags is sent only from 2.26/);
  });

  it('[4.7] wants an empty body where the contract has none', async () => {
    const res = await alice.call('DELETE', `servers/${serverId}`);
    expectContract(res, 'servers.delete_server');
    expect(() => expectContract(altered(res, { body: { server: {} } }), 'servers.delete_server')).toThrow(/body must be empty/);
  });

  it('[14.3] knows the status codes that changed at 2.2', async () => {
    const base = await alice.call('POST', 'os-keypairs', { keypair: { name: 'contract-base' } });
    expectContract(base, 'keypairs.create_keypair');
    expect(() => expectContract(base, 'keypairs.create_keypair', '2.2')).toThrow(/status of/);
    const v22 = await alice.call('POST', 'os-keypairs', { keypair: { name: 'contract-22' } }, { version: '2.2' });
    expectContract(v22, 'keypairs.create_keypair', '2.2');
    expect(() => expectContract(altered(v22, { body: { keypair: without(v22.json().keypair, 'type') } }), 'keypairs.create_keypair', '2.2')).toThrow(/type is required/);
  });

  it('[15.1] fails when a limit the console shows is missing, though the SPA would take it', async () => {
    const res = await alice.call('GET', 'limits');
    expectContract(res, 'limits.get_limit');
    const { limits } = res.json();
    const broken = { limits: { ...limits, absolute: without(limits.absolute, 'maxTotalCores') } };
    expect(() => expectContract(altered(res, { body: broken }), 'limits.get_limit')).toThrow(/maxTotalCores/);
  });

  it('refuses a name it has no contract for', async () => {
    const res = await alice.call('GET', 'limits');
    expect(() => expectContract(res, 'limits.no_such_schema')).toThrow(/no own response contract for limits.no_such_schema/);
  });
});

describe('own-schemas.ts', () => {
  const cloudDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
  const others = testFiles(cloudDir).filter((file) => file !== fileURLToPath(import.meta.url));
  const used = new Set(others.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/expectContract\([^,]*, '([^']+)'/g)].map((m) => m[1])));

  it('has a contract for every name the tests check, and none that no test uses', () => {
    const own = Object.keys(ownContracts);
    expect([...used].filter((name) => !own.includes(name))).toEqual([]);
    expect(own.filter((name) => !used.has(name))).toEqual([]);
  });
});

describe('NOVA_CONTRACT_DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nova-contract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips the tempest checks when unset, and says how to run them', () => {
    expect(tempestSchemaDir({})).toBeNull();
    expect(tempestSchemaDir({ NOVA_CONTRACT_DIR: ' ' })).toBeNull();
    expect(SKIPPED_NOTICE).toContain('NOVA_CONTRACT_DIR=/path/to/nova-contract npm test');
  });

  it('refuses a folder without tempest schemas, and finds them in one that has them', () => {
    expect(() => tempestSchemaDir({ NOVA_CONTRACT_DIR: dir })).toThrow(/has no tempest-schemas/);
    mkdirSync(join(dir, 'tempest-schemas'));
    expect(tempestSchemaDir({ NOVA_CONTRACT_DIR: dir })).toBe(join(dir, 'tempest-schemas'));
  });
});
