import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMESPACES } from '../lib/i18n';
import { pageNamespaces, SHELL_NAMESPACES, type PagePath } from './page-namespaces';

/**
 * Each lazily loaded part of the console loads the translation files it uses, and only those
 * (page-namespaces.ts): this walks the imports of each part — static and dynamic, stopping at
 * another part, which loads its own — and collects the namespaces its sources name
 * (`'servers.…'`, `` `server-detail.${…}` ``, keys held in data such as lib/validation.ts').
 */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
// keys of the glob are relative to this folder (src/app): './shell.tsx', '../lib/i18n.ts'
const files = new Map(Object.entries(sources).map(([key, text]) => [posix.normalize(posix.join('app', key)), text]));

function resolveImport(from: string, spec: string): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => files.has(candidate));
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const pageFile = (page: string) => resolveImport('app/x.ts', `./${page}`)!;
const pageFiles = new Set(Object.keys(pageNamespaces).map(pageFile));

/** Files reachable from `entry` without entering another lazily loaded part. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || (file !== entry && (pageFiles.has(file) || file === 'app/shell.tsx'))) continue;
    seen.add(file);
    for (const match of files.get(file)!.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)) {
      const target = resolveImport(file, match[1]);
      if (target) stack.push(target);
    }
  }
  return seen;
}

function namespacesUsed(entry: string): string[] {
  const used = new Set<string>();
  for (const file of reachable(entry)) {
    const text = withoutComments(files.get(file)!);
    for (const name of FEATURE_NAMESPACES) {
      if (new RegExp(`['"\`]${name.replace('-', '\\-')}\\.[\\w$]`).test(text)) used.add(name);
    }
  }
  return [...used].sort();
}

describe('each page loads the translation files it uses', () => {
  it('finds every page file', () => {
    for (const page of Object.keys(pageNamespaces)) expect(files.has(pageFile(page)), page).toBe(true);
  });

  it('the shell (every signed-in page) names only its own', () => {
    expect(namespacesUsed('app/shell.tsx').filter((name) => !(SHELL_NAMESPACES as readonly string[]).includes(name))).toEqual([]);
  });

  it.each(Object.keys(pageNamespaces) as PagePath[])('%s names only its own and the shell’s', (page) => {
    const declared = new Set<string>([...pageNamespaces[page], ...SHELL_NAMESPACES]);
    expect(namespacesUsed(pageFile(page)).filter((name) => !declared.has(name))).toEqual([]);
  });

  it('the login page names none (it loads before anyone is signed in)', () => {
    expect(namespacesUsed('app/routes/login.tsx')).toEqual([]);
  });

  it('every lazy import of a page goes through withStrings with its own path', () => {
    for (const [file, text] of files) {
      if (!file.startsWith('app/')) continue;
      for (const match of text.matchAll(/import\('(\.{1,2}\/[^']+)'\)/g)) {
        const target = resolveImport(file, match[1]);
        if (!target || !pageFiles.has(target)) continue;
        const page = target.replace(/^app\//, '').replace(/\.tsx?$/, '');
        const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index));
        expect(line, `${file}: ${match[0]}`).toContain(`withStrings('${page}'`);
      }
    }
  });
});
