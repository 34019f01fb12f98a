import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The optional contract suite: with NOVA_CONTRACT_DIR naming the folder of Nova's contract data
 * (tempest-schemas/, nova-api-samples/), every expectContract also checks tempest's schema.
 * That data is not part of the repository; without it the suite is skipped, said once per run.
 */
export const SKIPPED_NOTICE =
  'Nova contract checks skipped (tempest response schemas): NOVA_CONTRACT_DIR is not set. Run them with NOVA_CONTRACT_DIR=/path/to/nova-contract npm test';

/**
 * tempest-schemas/ of the folder NOVA_CONTRACT_DIR names (relative to the current directory),
 * or null when the variable is unset or empty. A name without that folder is an error: a typo
 * must not pass for a skipped suite.
 */
export function tempestSchemaDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.NOVA_CONTRACT_DIR?.trim();
  if (!value) return null;
  const dir = join(resolve(value), 'tempest-schemas');
  if (!existsSync(dir)) throw new Error(`NOVA_CONTRACT_DIR=${value} has no tempest-schemas/ folder (${dir})`);
  return dir;
}
