import { defineConfig } from '@playwright/test';

// Debian's Chromium (no browser download works here); CHROMIUM_PATH overrides.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Starts `server/main.ts` (built dist/ + gateway + embedded cloud on free ports, temp
  // database, short transitions) and exports E2E_BASE_URL / E2E_CLOUD_URL to the workers.
  globalSetup: './e2e/support/global-setup.ts',
  // The machines have 2 cores, shared with the server under test.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the 2 cores are shared by the browser, the server under test and other work.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    // Set by global setup before the workers start (they inherit its environment).
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
