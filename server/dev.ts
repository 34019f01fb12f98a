// `npm run dev`: Vite's dev server (HMR) with the same gateway as production, mounted by
// the plugin in vite.config.ts; the embedded cloud when no cloud endpoint is configured.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { failStartup, listenSettings, printBanner, startEmbeddedCloudIfNeeded } from './config.ts';

// Vite serves every module as a request: an access-log line for each is noise in development.
process.env.ACCESS_LOG ??= '0';
const { listen, cloud } = await (async () => ({ listen: listenSettings(), cloud: await startEmbeddedCloudIfNeeded() }))().catch(failStartup);
const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port: listen.port, host: listen.host, strictPort: true },
});
await vite.listen();
printBanner(vite.resolvedUrls?.local[0] ?? `http://localhost:${listen.port}/`, cloud);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([vite.close(), cloud?.close()]).then(() => process.exit(0));
  });
}
