import type { FastifyRequest } from 'fastify';
import { appPlugin } from './plugin.ts';

interface CloudConfig {
  /** Duration of each transitional state (BUILD, REBOOT, RESIZE ...), in ms. */
  transitionMs: number;
  region: string;
  tokenTtlSeconds: number;
  /** Base URL of links and the service catalog: the configured one, else the request's Host. */
  publicUrl: (req: FastifyRequest) => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    cloudConfig: CloudConfig;
  }
}

interface ConfigOptions {
  transitionMs?: number;
  tokenTtlSeconds?: number;
  region?: string;
  publicUrl?: string;
}

/** `app.cloudConfig`: the settings every part of the cloud reads, with their defaults. */
export default appPlugin<ConfigOptions>('config', async (app, opts) => {
  app.decorate('cloudConfig', {
    transitionMs: opts.transitionMs ?? 3000,
    region: opts.region ?? 'RegionOne',
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 86_400,
    publicUrl: (req: FastifyRequest) => (opts.publicUrl ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`).replace(/\/$/, ''),
  } satisfies CloudConfig);
});
