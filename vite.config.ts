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
});
