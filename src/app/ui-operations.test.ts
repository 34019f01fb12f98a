import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPath, matchRoutes, type RouteObject } from 'react-router';
import { createTestQueryClient } from '../test/render';
import type { AreaKey } from './areas';
import { createAppRoutes, isAreaBuilt } from './router';

/**
 * Every operation of the spec (docs/spec-operations.tsv) is reachable by clicking: it has a
 * row in docs/ui-operations.tsv naming the console page and the control that performs it, and
 * that page exists in the router (a built area, and a sub-path its module declares).
 */
// vitest runs from the repository's root (jsdom gives import.meta.url no file: scheme)
const SPEC_TABLE = resolve(process.cwd(), 'docs/spec-operations.tsv');
const TABLE = resolve(process.cwd(), 'docs/ui-operations.tsv');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim());
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [names[index], value.trim()])));
}

const keyOf = (row: Record<string, string>) => `${row.section} ${row.method} ${row.path} ${row.body_key ?? ''}`.trim();

const endpoints = readTsv(SPEC_TABLE);
const operations = readTsv(TABLE);
const routes = createAppRoutes(createTestQueryClient());

interface RouteModule {
  Component?: unknown;
  routePatterns?: string[];
}

/** Why `path` is not a page of the console, or null when it is. */
async function routeProblem(path: string): Promise<string | null> {
  const pathname = path.split('?')[0];
  const matches = matchRoutes(routes as RouteObject[], pathname);
  const leaf = matches?.at(-1);
  if (!leaf || leaf.route.path === '*') return 'no route';
  const area = (leaf.route.handle as { area?: AreaKey } | undefined)?.area;
  if (!area) return null; // a page outside the areas (login)
  if (!isAreaBuilt(area)) return `area ${area} is not built`;
  const load = leaf.route.lazy;
  if (typeof load !== 'function') return null;
  const module = (await load()) as RouteModule;
  if (!module.routePatterns) return null;
  const rest = `/${leaf.params['*'] ?? ''}`.replace(/\/+$/, '') || '/';
  const known = module.routePatterns.some((pattern) => matchPath({ path: `/${pattern}`, end: true }, rest));
  return known ? null : `${rest} is none of ${area}'s pages (${module.routePatterns.join(', ')})`;
}

describe('UI operations table', () => {
  it('reads both tables', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(87);
    expect(operations.length).toBeGreaterThan(0);
  });

  it('has a row for every operation of spec-operations.tsv, and none for operations it lacks', () => {
    const mapped = new Set(operations.map(keyOf));
    const listed = new Set(endpoints.map(keyOf));
    expect(endpoints.map(keyOf).filter((key) => !mapped.has(key))).toEqual([]);
    expect(operations.map(keyOf).filter((key) => !listed.has(key))).toEqual([]);
  });

  it('names a control for every operation', () => {
    expect(operations.filter((row) => !row.control).map(keyOf)).toEqual([]);
  });

  it('names only pages the router defines', async () => {
    const problems: string[] = [];
    for (const row of operations) {
      const problem = await routeProblem(row.route);
      if (problem) problems.push(`${keyOf(row)} → ${row.route}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves no operation pending', () => {
    // a row marked anything but "ok" names the page but not yet a working control
    expect(operations.filter((row) => row.status !== 'ok').map(keyOf)).toEqual([]);
  });
});
