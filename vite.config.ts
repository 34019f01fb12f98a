import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gatewayPlugin } from './server/gateway/vite-plugin.ts';

// The gateway (login, sessions, token injection) is the same code the production server
// runs; this file only mounts it. `npm run dev` (server/dev.ts) provides its endpoints.
export default defineConfig({
  plugins: [react(), gatewayPlugin()],
  // Same origin only: no other local page may read the session API, even without cookies.
  server: { cors: false },
  preview: { cors: false },
  build: {
    // The first page is one chunk by design (above 500 kB before minification and gzip); its
    // weight is held by `npm run bench` (bench/bundle.ts: 250 KB gzipped), not by this warning.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Few chunks, none carrying code a page does not run. Left alone, the bundler makes a
        // chunk of every module two lazy pages share: a cold servers page then fetched about a
        // hundred files. Here what the first page (the entry, the login page with it) needs
        // stays in the entry ($initial); what the signed-in pages share is one `console` chunk;
        // each page keeps the rest of its own code.
        codeSplitting: {
          groups: [
            { name: 'boot', tags: ['$initial'], priority: 2 },
            { name: 'console', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
