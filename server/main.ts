// `npm start`: the built console (dist/) and the gateway on PORT, with the embedded cloud
// when no cloud endpoint is configured. On SIGTERM (or SIGINT) it stops accepting
// connections, lets the requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then exits.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { displayUrl, failStartup, listenError, listenSettings, printBanner, startEmbeddedCloudIfNeeded } from './config.ts';
import { loadGatewayConfig } from './gateway/config.ts';
import { createGateway } from './gateway/gateway.ts';
import { createStaticSite } from './gateway/static-site.ts';

const { listen, cloud, gateway } = await (async () => {
  const listen = listenSettings();
  const cloud = await startEmbeddedCloudIfNeeded();
  return { listen, cloud, gateway: createGateway(loadGatewayConfig()) };
})().catch(failStartup);
const serveStatic = createStaticSite({ root: fileURLToPath(new URL('../dist', import.meta.url)) });

const server = createServer((req, res) => {
  gateway.handle(req, res, () => {
    serveStatic(req, res).catch((error: unknown) => {
      console.error('static: failed to serve', req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
});
const onListenError = (error: Error) => failStartup(listenError(error, 'The console', `${listen.host}:${listen.port}`, 'PORT'));
server.once('error', onListenError);
server.listen(listen.port, listen.host, () => {
  server.off('error', onListenError);
  printBanner(displayUrl(server.address() as AddressInfo), cloud);
});

async function shutdown(signal: string): Promise<void> {
  console.log(`${signal}: finishing the requests in flight (up to ${listen.shutdownTimeoutMs} ms), then exiting`);
  gateway.drain();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections between requests would hold the server open: close them as they idle.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), listen.shutdownTimeoutMs))),
  ]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (!finished) {
    console.error(`${signal}: requests still in flight after ${listen.shutdownTimeoutMs} ms were cut`);
    server.closeAllConnections();
  }
  await Promise.allSettled([gateway.close(), cloud?.close()]);
  process.exit(0);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void shutdown(signal);
  });
}
