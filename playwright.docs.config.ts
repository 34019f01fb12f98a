import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run docs:screenshots`: the README's and docs' screenshots, taken against the embedded
// cloud the e2e specs use (same global setup), in both languages. Not part of `npm test`.
export default defineConfig({
  ...base,
  testDir: 'docs/screenshots',
  testMatch: '*.shots.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 300_000,
  use: { ...base.use, viewport: { width: 1440, height: 900 }, trace: 'off' },
});
