import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js, held to what docs/internals.md ("Map of the SPA") says:
 * lib/ and components/ import no feature, features no app/, and a feature uses another feature
 * through its queries.ts and the types of its schemas.ts only. Each case lints a few lines as if
 * they were a file at that place.
 */
// vitest runs from the repository's root, where eslint.config.js is
const root = process.cwd();
const eslint = new ESLint({ cwd: root });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('import rules of the SPA', () => {
  it('lets a feature read another feature through its queries.ts and the types of its schemas.ts', async () => {
    const code = [
      "import { flavorQueries } from '../../flavors/queries';",
      "import type { Flavor } from '../../flavors/schemas';",
      'export const used: [typeof flavorQueries, Flavor | null] = [flavorQueries, null];',
    ].join('\n');
    expect(await problems('src/features/servers/detail/probe.ts', code)).toEqual([]);
  });

  it('refuses anything else of another feature, and values of its schemas.ts', async () => {
    expect(await problems('src/features/servers/detail/probe.ts', "export { listFlavors } from '../../flavors/api';")).toContain('import-x/no-restricted-paths');
    expect(await problems('src/features/servers/probe.ts', "export { useCreateKeypair } from '../keypairs/mutations';")).toContain('import-x/no-restricted-paths');
    expect(await problems('src/features/servers/probe.ts', "import { flavorSchema } from '../flavors/schemas';\nexport const s = flavorSchema;")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('keeps app/ out of features, and features and app/ out of lib/ and components/', async () => {
    expect(await problems('src/features/servers/probe.ts', "export { createAppRoutes } from '../../app/router';")).toContain('import-x/no-restricted-paths');
    expect(await problems('src/lib/probe.ts', "export { serverQueries } from '../features/servers/queries';")).toContain('import-x/no-restricted-paths');
    expect(await problems('src/components/probe.ts', "export { areas } from '../app/areas';")).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import cycle', async () => {
    // lib/compute.ts imports lib/api-client.ts: importing it back closes a loop
    expect(await problems('src/lib/api-client.ts', "import { computeRequest } from './compute';\nexport const c = computeRequest;")).toContain('import-x/no-cycle');
  });

  it('refuses a source file over 400 lines', async () => {
    const long = ['export const a = 1;', ...Array.from({ length: 400 }, () => '// a line')].join('\n');
    expect(await problems('src/lib/probe.ts', long)).toContain('max-lines');
  });
}, 60_000);
