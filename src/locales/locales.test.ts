import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** The core file and every feature file (`<language>/<name>.json`, appearing under `<name>`). */
function catalog(core: Tree, features: Record<string, Tree>): Tree {
  return { ...core, ...features };
}

function byName(files: Record<string, Tree>): Record<string, Tree> {
  return Object.fromEntries(
    Object.entries(files).map(([path, tree]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, ''), tree]),
  );
}

const enFeatures = byName(import.meta.glob<Tree>('./en/*.json', { import: 'default', eager: true }));
const zhFeatures = byName(import.meta.glob<Tree>('./zh-CN/*.json', { import: 'default', eager: true }));

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const english = leaves(catalog(en as Tree, enFeatures));
  const chinese = leaves(catalog(zhCN as Tree, zhFeatures));

  it('has the same feature files in zh-CN and en', () => {
    expect(Object.keys(zhFeatures).sort()).toEqual(Object.keys(enFeatures).sort());
  });

  it('feature files do not shadow keys of the core file', () => {
    for (const name of Object.keys(enFeatures)) expect(Object.keys(en), name).not.toContain(name);
  });

  it('zh-CN and en have the same keys', () => {
    const missingInChinese = [...english.keys()].filter((key) => !chinese.has(key));
    const missingInEnglish = [...chinese.keys()].filter((key) => !english.has(key));
    expect({ missingInChinese, missingInEnglish }).toEqual({ missingInChinese: [], missingInEnglish: [] });
  });

  it('no translation is empty', () => {
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
  });

  it('no sentence cites spec sections: they belong in the docs, not in what users read', () => {
    // "(spec 21.1)", "Per the spec (13.2)", "(12.2)", "（规范 21.1）", "按规范（13.2）", "table 4-2"
    const citation = /\(spec\b|\bspec \d|per the spec|\(\d{1,2}\.\d{1,2}\)|（\d{1,2}\.\d{1,2}）|规范 ?\d|按规范|\btable \d+-\d+|表 ?\d+-\d+/i;
    const cited = [...english, ...chinese].filter(([, text]) => citation.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(cited).toEqual([]);
  });

  it('each translation uses the same placeholders', () => {
    for (const [key, text] of english) expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
