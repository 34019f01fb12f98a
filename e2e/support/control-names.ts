// Every control of a page state must be told apart by its accessible name: two "Copy" buttons
// cannot be, by a screen reader or a script. The names are computed by axe-core (injected by
// axe.ts), as assistive technology computes them.
import type { Page } from '@playwright/test';
import { injectAxe } from './axe.ts';

export interface NamedControl {
  role: string;
  name: string;
  /** Where it sits, to find it when a name is shared. */
  path: string;
}

/**
 * The controls a user can operate now: in the accessibility tree (not hidden, not under
 * aria-hidden or inert), enabled, and — when a modal dialog is open — inside the topmost one,
 * the only part of the page a screen reader offers then. Options of an open list are choices,
 * not controls, and are left out.
 */
export async function namedControls(page: Page): Promise<NamedControl[]> {
  await injectAxe(page);
  return page.evaluate(() => {
    const SELECTOR = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      '[role="button"]',
      '[role="link"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="switch"]',
      '[role="tab"]',
      '[role="menuitem"]',
      '[role="combobox"]',
      '[role="textbox"]',
      '[role="searchbox"]',
      '[role="slider"]',
      '[role="spinbutton"]',
    ].join(',');
    type Axe = {
      setup: (node: Node) => unknown;
      teardown: () => void;
      commons: { text: { accessibleText: (el: Element) => string }; aria: { getRole: (el: Element) => string | null } };
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"], dialog[open]')].filter(
      (d) => (d as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true,
    );
    const scope: ParentNode = dialogs.at(-1) ?? document;
    const pathOf = (el: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = el; node && parts.length < 4; node = node.parentElement) {
        const label = node.getAttribute('aria-label');
        parts.unshift(label ? `${node.tagName.toLowerCase()}[aria-label="${label}"]` : node.tagName.toLowerCase());
      }
      return parts.join(' > ');
    };
    axe.setup(document);
    try {
      return [...scope.querySelectorAll(SELECTOR)]
        .filter((el) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true)
        .filter((el) => !el.closest('[aria-hidden="true"], [inert]'))
        .filter((el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true')
        .map((el) => ({
          role: axe.commons.aria.getRole(el) ?? el.tagName.toLowerCase(),
          name: axe.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim(),
          // links that share a name and lead to the same place are one destination
          href: el.getAttribute('href') ?? '',
          path: pathOf(el),
        }))
        .filter((control, index, all) => !control.href || all.findIndex((c) => c.href === control.href && c.name === control.name) === index)
        .map(({ role, name, path }) => ({ role, name, path }));
    } finally {
      axe.teardown();
    }
  });
}

/**
 * Controls without a name, and controls of one role sharing a name. Role and name together are
 * what a screen reader announces ("Copy, button") and what a script finds a control by
 * (getByRole), so a link and a field may both be called "Security groups"; two buttons may not.
 */
export function nameProblems(controls: readonly NamedControl[]): string[] {
  const problems: string[] = [];
  const byName = new Map<string, NamedControl[]>();
  for (const control of controls) {
    if (!control.name) {
      problems.push(`a ${control.role} has no accessible name (${control.path})`);
      continue;
    }
    const key = `${control.role}:${control.name.toLocaleLowerCase()}`;
    byName.set(key, [...(byName.get(key) ?? []), control]);
  }
  for (const [, same] of byName) {
    if (same.length > 1) {
      problems.push(`${same.length} ${same[0].role}s are named "${same[0].name}": ${same.map((c) => c.path).join('; ')}`);
    }
  }
  return problems;
}
