import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the SPA's components in jsdom, the Node services (cloud, gateway) in node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          css: false,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          // says once per run whether the tempest/Nova contract checks run (NOVA_CONTRACT_DIR)
          globalSetup: ['server/cloud/test/global-setup.ts'],
          pool: 'forks',
          testTimeout: 20000,
        },
      },
    ],
  },
});
