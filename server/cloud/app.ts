import Fastify, { type FastifyInstance } from 'fastify';
import { requestId } from './ids.ts';
import compression from './plugins/compression.ts';
import config from './plugins/config.ts';
import database from './plugins/database.ts';
import errors from './plugins/errors.ts';
import faults, { type FaultRule } from './plugins/faults.ts';
import lifecycle from './plugins/lifecycle.ts';
import microversion from './plugins/microversion.ts';
import validation from './plugins/validation.ts';
import routes from './routes/index.ts';

export interface CloudOptions {
  /** SQLite file, or ':memory:' for tests. */
  dbPath: string;
  /** Duration of each transitional state (BUILD, REBOOT, RESIZE ...), in ms. */
  transitionMs?: number;
  faults?: FaultRule[];
  tokenTtlSeconds?: number;
  region?: string;
  /** Base URL printed in links and the service catalog; by default taken from the request's Host. */
  publicUrl?: string;
  logger?: boolean;
}

/** Nova's cap on request bodies (max_request_body_size). */
const MAX_BODY = 114_688;

/** The embedded cloud: plugins first (they decorate the app and hook every request), then the routes. */
export async function buildCloud(opts: CloudOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: MAX_BODY,
    genReqId: () => requestId(),
    requestIdHeader: false,
    // Let /servers/ and /servers behave alike, as Nova's router does.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  await app.register(config, opts);
  await app.register(database, { dbPath: opts.dbPath });
  await app.register(errors);
  await app.register(compression);
  await app.register(validation);
  await app.register(microversion);
  await app.register(faults, { rules: opts.faults ?? [] });
  await app.register(lifecycle);
  await app.register(routes);
  return app;
}
