// axe-core in the page under test: @axe-core/playwright needs Node 22, so axe's own build
// (axe.source, what @axe-core/playwright injects) goes in with addScriptTag and runs through
// page.evaluate. The console's CSP refuses inline scripts, so the contexts that use this are
// opened with `bypassCSP: true`.
import axe from 'axe-core';
import type { Page } from '@playwright/test';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  /** CSS selectors of the first nodes, with axe's summary of what is wrong. */
  nodes: string[];
}

/**
 * Rules whose moderate or minor findings fail too: issue 12 fixed them and they stay fixed.
 * Every serious and critical finding fails whatever its rule.
 */
const HELD_RULES = new Set(['page-has-heading-one', 'landmark-no-duplicate-banner', 'landmark-unique', 'heading-order', 'empty-table-header']);

interface AxeWindow {
  axe?: {
    run: (
      context: unknown,
      options: unknown,
    ) => Promise<{
      violations: Array<{ id: string; impact: Impact | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
    }>;
  };
}

/** Loads axe into the page once (it stays until the next full load). */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as AxeWindow).axe !== 'undefined');
  if (!present) await page.addScriptTag({ content: axe.source });
}

/** axe's violations on the page as it is now (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const axe = (window as AxeWindow).axe!;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
    }));
  });
}

/** The violations that fail a page state: serious, critical, and the rules issue 12 fixed. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || HELD_RULES.has(v.id));
}

/** One line per violation, for the run's output (moderate and minor ones are printed, not failed). */
export function describeViolations(state: string, violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `[${state}] ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.nodes.join('\n    ')}`)
    .join('\n');
}
