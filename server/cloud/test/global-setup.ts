import { SKIPPED_NOTICE, tempestSchemaDir } from './nova-contract.ts';

/** Vitest's globalSetup of the server project: runs once per test run, before any test file. */
export default function setup(): void {
  // Throws on a NOVA_CONTRACT_DIR without tempest schemas, before any test runs.
  if (!tempestSchemaDir()) console.log(SKIPPED_NOTICE);
}
