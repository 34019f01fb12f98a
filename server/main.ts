// `npm start`: the built console (dist/) and the gateway on PORT, with the embedded cloud
// when no cloud endpoint is configured.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { displayUrl, listenSettings, printBanner, startEmbeddedCloudIfNeeded } from './config.ts';
import { loadGatewayConfig } from './gateway/config.ts';
import { createGateway } from './gateway/gateway.ts';
import { createStaticSite } from './gateway/static-site.ts';

const listen = listenSettings();
const cloud = await startEmbeddedCloudIfNeeded();
const gateway = createGateway(loadGatewayConfig());
const serveStatic = createStaticSite({ root: fileURLToPath(new URL('../dist', import.meta.url)) });

const server = createServer((req, res) => {
  gateway.handle(req, res, () => {
    serveStatic(req, res).catch((error: unknown) => {
      console.error('static: failed to serve', req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
});
server.listen(listen.port, listen.host, () => {
  printBanner(displayUrl(server.address() as AddressInfo), cloud);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([gateway.close(), cloud?.close()]).then(() => process.exit(0));
  });
}
