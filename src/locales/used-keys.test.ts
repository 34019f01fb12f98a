import { describe, expect, it } from 'vitest';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

/**
 * Every i18n key written out in the resource areas' code (t('volumes.delete.title'), validators'
 * 'keypairs.validation.nameRequired', mutations' successMessage) exists in English, so no
 * screen shows a raw key. zh-CN is held to the same keys by locales.test.ts.
 */
const sources = import.meta.glob<string>(
  [
    '../features/{flavors,images,keypairs,server-groups,volumes,snapshots,networks,security-groups,availability-zones,limits,quotas}/**/*.{ts,tsx}',
    '../app/routes/{flavors,images,key-pairs,server-groups,volumes,snapshots,networks,security-groups,availability-zones,limits}/**/*.tsx',
    '../components/{export-menu,list-pagination,detail-fields,metadata-table}.tsx',
    '!**/*.test.{ts,tsx}',
  ],
  { query: '?raw', import: 'default', eager: true },
);
const features = import.meta.glob<Tree>('./en/*.json', { import: 'default', eager: true });

const catalog: Tree = { ...(en as Tree) };
for (const [path, tree] of Object.entries(features)) catalog[path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '')] = tree;

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

const NAMESPACES = Object.keys(catalog).join('|');
const KEY = new RegExp(`['"]((?:${NAMESPACES})\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+)['"]`, 'g');

describe('i18n keys used by the resource areas', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
  });

  it('all exist in the English catalogue', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(KEY)) {
        checked += 1;
        if (!has(catalog, match[1])) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });
});
