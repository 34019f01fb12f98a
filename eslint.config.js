import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const cloud = (path) => `server/cloud/${path}`;
/** The embedded cloud's core modules, which every layer may use and which use no layer. */
const cloudCore = ['errors.ts', 'ids.ts', 'context.ts', 'microversion.ts', 'pagination.ts', 'ipv4.ts', 'quota-defaults.ts', 'booleans.ts'].map(cloud);
const layer = (target, from, message) => ({ target: cloud(target), from: from.map(cloud), message });
/** Which folder of server/cloud may not import which (imports run app → routes → services → repositories → db). */
const cloudLayers = [
  { target: cloud(''), from: ['server/gateway', 'src'], message: 'The embedded cloud stands alone.' },
  layer('routes', ['repositories', 'db', 'lifecycle', 'seed'], 'Routes call services.'),
  layer('services', ['routes', 'plugins', 'seed'], 'Services know no HTTP.'),
  layer('views', ['routes', 'services', 'db', 'plugins', 'seed'], 'Views render what they are given.'),
  layer('repositories', ['routes', 'services', 'views', 'plugins', 'lifecycle', 'schemas', 'seed'], 'Repositories only read and write SQL.'),
  layer('lifecycle', ['routes', 'services', 'views', 'plugins', 'schemas', 'seed'], 'The lifecycle engine runs below the services.'),
  layer('schemas', ['routes', 'services', 'views', 'repositories', 'db', 'lifecycle', 'plugins', 'seed'], 'Schemas are data.'),
  layer('db', ['routes', 'services', 'views', 'repositories', 'lifecycle', 'schemas', 'plugins', 'seed'], 'The database knows no layer.'),
  layer('seed', ['routes', 'plugins'], 'The demo data is made through services, before any route.'),
  layer('plugins', ['routes'], 'Plugins come before the routes.'),
  ...cloudCore.map((target) => ({
    target,
    from: ['routes', 'services', 'views', 'repositories', 'lifecycle', 'schemas', 'db', 'seed', 'plugins', 'app.ts', 'main.ts'].map(cloud),
    message: 'The core of the cloud uses no layer.',
  })),
];

/** The SPA's features (src/features/<name>), each a boundary of its own. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const CROSS_FEATURE =
  "a feature uses another feature's data through its queries.ts (and the types of its schemas.ts) only; " +
  'anything more is composed by the app layer (src/app) and passed in. See docs/internals.md, "Map of the SPA".';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // One direction of imports: lib and components → features → app.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/lib', './src/components'],
              from: ['./src/features', './src/app'],
              message: 'lib/ and components/ are shared by every feature: they import no feature and nothing of app/.',
            },
            { target: './src/features', from: './src/app', message: 'features never import app/: the app composes features.' },
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [
                `./${feature}`,
                ...features.filter((other) => other !== feature).flatMap((other) => [`./${other}/queries.ts`, `./${other}/schemas.ts`]),
              ],
              message: CROSS_FEATURE,
            })),
          ],
        },
      ],
    },
  },
  // Another feature's schemas.ts: its types only (the values, zod schemas, are that feature's own).
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${features.filter((other) => other !== feature).join('|')})/schemas$`,
              allowTypeImports: true,
              message: CROSS_FEATURE,
            },
          ],
        },
      ],
    },
  })),
  {
    // small modules: a file that grows past this is two things
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  // ---- The Node side: no import cycles, no source file over 400 lines ----
  {
    files: ['server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Read TypeScript modules, resolved as Node resolves them (imports name their .ts file).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/**/test/**', 'server/**/test-support/**'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  // ---- The embedded cloud's layers (docs/internals.md, "The map of the cloud") ----
  {
    files: ['server/cloud/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/cloud/test/**'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: cloudLayers }],
    },
  },
  {
    // Views name the rows they render (type imports) but never read them.
    files: ['server/cloud/views/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/repositories/*'], allowTypeImports: true, message: 'Views render what they are given: repositories are for services.' }] },
      ],
    },
  },
);
