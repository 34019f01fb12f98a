import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { FEATURE_NAMESPACES, loadNamespaces, setLanguage } from '../lib/i18n';

// jsdom lacks what Mantine measures with
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};
window.scrollTo = () => {};
// autosize textareas listen for web fonts
if (!document.fonts) Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {} } });
// Mantine's recommended jsdom shim: getComputedStyle without the pseudo-element argument
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// lazy route chunks load slowly on a busy machine; the default 1 s makes tests flaky when several engineers share the cores
configure({ asyncUtilTimeout: 15_000 });
// whole-app tests (router, lazy pages, several requests) need more than vitest's default 5 s here
vi.setConfig({ testTimeout: 60_000 });

beforeAll(async () => {
  // tests read English labels, whatever the machine's locale
  await setLanguage('en');
  // component tests render pages without the routes' loaders, which load these
  await loadNamespaces(FEATURE_NAMESPACES, 'en');
});

// no `globals: true` in vitest.config.ts, so Testing Library cannot clean up by itself
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
