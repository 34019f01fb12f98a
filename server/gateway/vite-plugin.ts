// Mounts the gateway in Vite's dev and preview servers, so `npm run dev` talks to the
// cloud exactly as the production server does. The gateway's configuration comes from the
// environment (server/dev.ts sets IAM_ENDPOINT when it starts the embedded cloud).
import type { Connect, Plugin } from 'vite';
import { ConfigError } from './config-error.ts';
import { loadGatewayConfig } from './config.ts';
import { createGateway, type Gateway } from './gateway.ts';
import { applySecurityHeaders } from './security-headers.ts';

function mount(middlewares: Connect.Server, gateway: Gateway, mode: 'production' | 'development'): void {
  middlewares.use((_req, res, next) => {
    applySecurityHeaders(res, mode);
    next();
  });
  middlewares.use((req, res, next) => gateway.handle(req, res, next));
}

export function gatewayPlugin(): Plugin {
  let gateway: Gateway | null = null;
  const start = (): Gateway => {
    try {
      gateway ??= createGateway(loadGatewayConfig(process.env));
    } catch (error) {
      if (error instanceof ConfigError) {
        throw new Error(`${error.message}. Run \`npm run dev\` (it starts the embedded cloud) or set IAM_ENDPOINT.`);
      }
      throw error;
    }
    return gateway;
  };
  return {
    name: 'ecs-console-gateway',
    configureServer(server) {
      mount(server.middlewares, start(), 'development');
      server.httpServer?.once('close', () => void gateway?.close());
    },
    configurePreviewServer(server) {
      mount(server.middlewares, start(), 'production');
      server.httpServer.once('close', () => void gateway?.close());
    },
  };
}
