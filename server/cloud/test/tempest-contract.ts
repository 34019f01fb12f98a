import Ajv from 'ajv-draft-04';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

// Tempest's response schemas (draft 4), one file per <module>.<variable>, with `v2_NN.`
// variants for the microversions that changed them: the tempest-schemas/ folder of the Nova
// contract data that NOVA_CONTRACT_DIR names (see nova-contract.ts).

interface SchemaFile {
  status_code: number[];
  response_body: object | null;
  response_header?: object;
}

const ajv = new Ajv({ allErrors: true, strict: false });
// The formats tempest registers (tempest/lib/api_schema/response/compute/...): checked the way
// its validators check them, loosely for dates (any ISO 8601 with a T) and strictly for addresses.
ajv.addFormat('iso8601-date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i);
ajv.addFormat('uuid', /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i);
ajv.addFormat('ipv4', /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/);
ajv.addFormat('ipv6', (s: string) => s.includes(':') && /^[0-9a-f:.]+$/i.test(s));

const filesByDir = new Map<string, Set<string>>();
const cache = new Map<string, { file: string; schema: SchemaFile; validate?: ReturnType<typeof ajv.compile> }>();

function schemaFiles(dir: string): Set<string> {
  let files = filesByDir.get(dir);
  if (!files) {
    files = new Set(readdirSync(dir));
    filesByDir.set(dir, files);
  }
  return files;
}

/** `v2_NN.name.json` with the highest NN not above `version`, else `name.json` (2.1). */
function schemaFileFor(dir: string, name: string, version = '2.1'): string {
  const [, minor] = version.split('.').map(Number);
  const files = schemaFiles(dir);
  let best: { minor: number; file: string } | undefined;
  for (const f of files) {
    const m = /^v2_(\d+)\.(.+)\.json$/.exec(f);
    if (!m || m[2] !== name) continue;
    const n = Number(m[1]);
    if (n <= minor && (!best || n > best.minor)) best = { minor: n, file: f };
  }
  if (best) return best.file;
  if (files.has(`${name}.json`)) return `${name}.json`;
  throw new Error(`no tempest schema ${name} for microversion ${version}`);
}

function load(dir: string, name: string, version?: string) {
  const file = schemaFileFor(dir, name, version);
  const path = join(dir, file);
  let entry = cache.get(path);
  if (!entry) {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as SchemaFile;
    entry = { file, schema, validate: schema.response_body ? ajv.compile(schema.response_body) : undefined };
    cache.set(path, entry);
  }
  return entry;
}

/**
 * Asserts that a response has one of the schema's status codes and a body that validates
 * against tempest's schema for `name` at `version` (empty body when the schema says null).
 */
export function expectTempestContract(dir: string, res: LightMyRequestResponse, name: string, version?: string): void {
  const { file, schema, validate } = load(dir, name, version);
  expect(schema.status_code, `${file}: status of ${res.body.slice(0, 300)}`).toContain(res.statusCode);
  if (!validate) {
    expect(res.body, `${file}: body must be empty`).toBe('');
    return;
  }
  const body: unknown = res.json();
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${file}: ${JSON.stringify(body).slice(0, 800)}`).toEqual([]);
  if (schema.response_header) {
    const vh = ajv.compile(schema.response_header);
    const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
    expect(vh(headers) ? [] : vh.errors, `${file}: headers`).toEqual([]);
  }
}
