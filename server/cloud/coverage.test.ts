import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every operation of the spec has a test: a section of the project's operation table
// (docs/spec-operations.tsv) must appear, in brackets, at the start of some test title under
// server/cloud (e.g. it('[4.2] creates ...')).

const here = dirname(fileURLToPath(import.meta.url));
const OPERATIONS = join(here, '../../docs/spec-operations.tsv');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Sections named by test titles: string literals that open with "[N.N]". */
function coveredSections(): Set<string> {
  const found = new Set<string>();
  for (const file of testFiles(here)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:it|test)(?:\.each\([\s\S]*?\))?\(\s*(['"`])\[(\d+\.\d+)\]/g)) found.add(m[2]);
    // it.each([...])('[x.y] ...') titles whose table holds parentheses.
    for (const m of readFileSync(file, 'utf8').matchAll(/\)\(\s*(['"`])\[(\d+\.\d+)\]/g)) found.add(m[2]);
  }
  return found;
}

describe('coverage of spec-operations.tsv', () => {
  const sections = readFileSync(OPERATIONS, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t')[0]);

  it('reads every operation of the spec', () => {
    expect(sections.length).toBe(87);
  });

  it('has a test titled with each section', () => {
    const covered = coveredSections();
    const missing = sections.filter((s) => !covered.has(s));
    expect(missing, `sections without a test: ${missing.join(', ')}`).toEqual([]);
  });
});
