import type { LightMyRequestResponse } from 'fastify';
import { assert, expect } from 'vitest';
import { z } from 'zod';
import { tempestSchemaDir } from './nova-contract.ts';
import { ownContracts, type OwnContract } from './own-schemas.ts';
import { expectTempestContract } from './tempest-contract.ts';

const tempestDir = tempestSchemaDir();

/** `x` of microversion `2.x`; 1 (the base version) when none is named. */
function minorOf(version = '2.1'): number {
  const m = /^2\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not a compute microversion: ${version}`);
  return Number(m[1]);
}

/** The project's own contract for `name` at `version` (own-schemas.ts). */
function ownContractFor(name: string, version?: string): OwnContract {
  const entry = Object.hasOwn(ownContracts, name) ? ownContracts[name] : undefined;
  if (!entry) throw new Error(`no own response contract for ${name}: add it to server/cloud/test/own-schemas.ts`);
  return typeof entry === 'function' ? entry(minorOf(version)) : entry;
}

/**
 * Asserts that a response of the embedded cloud keeps the project's own contract for `name`
 * at `version`: one of its status codes, and an empty body or a JSON body that every schema of
 * own-schemas.ts for it accepts (the SPA's own among them). When NOVA_CONTRACT_DIR names Nova's
 * contract data, also against tempest's schema for `name` (tempest-contract.ts).
 */
export function expectContract(res: LightMyRequestResponse, name: string, version?: string): void {
  const { status, body } = ownContractFor(name, version);
  expect(status, `${name}: status of the answer «${res.body.slice(0, 300)}»`).toContain(res.statusCode);
  if (body === 'empty') {
    expect(res.body, `${name}: body must be empty`).toBe('');
  } else {
    expect(String(res.headers['content-type']), `${name}: content type`).toMatch(/^application\/json\b/);
    const json: unknown = res.json();
    body.forEach((schema, index) => {
      const result = schema.safeParse(json);
      if (!result.success) {
        assert.fail(`${name}: schema ${index + 1} of ${body.length} refuses the answer\n${z.prettifyError(result.error)}\nanswer: ${JSON.stringify(json).slice(0, 800)}`);
      }
    });
  }
  if (tempestDir) expectTempestContract(tempestDir, res, name, version);
}
