import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { openDatabase, type Db } from './db/database.ts';
import { seedDemoData } from './db/seed.ts';
import { NovaError, badRequest, notFound } from './errors.ts';
import { installFaults, type FaultRule } from './faults.ts';
import { IdentityRepository } from './identity/repository.ts';
import { requestId } from './ids.ts';
import { BASE, negotiate } from './microversion.ts';
import identityRoutes from './routes/identity.ts';
import { computeRouteModules } from './routes/index.ts';
import versionRoutes from './routes/versions.ts';
import { startServices } from './services.ts';
import './context.ts';

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

export interface CloudConfig {
  transitionMs: number;
  region: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    cloudConfig: CloudConfig;
    identity: IdentityRepository;
  }
}

/** Nova's cap on request bodies (max_request_body_size). */
const MAX_BODY = 114_688;

export async function buildCloud(opts: CloudOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: MAX_BODY,
    genReqId: () => requestId(),
    requestIdHeader: false,
    // Let /servers/ and /servers behave alike, as Nova's router does.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  const { db, created } = openDatabase(opts.dbPath);
  app.decorate('db', db);
  app.decorate('cloudConfig', { transitionMs: opts.transitionMs ?? 3000, region: opts.region ?? 'RegionOne' });
  app.decorate('identity', new IdentityRepository(db));
  if (created) seedDemoData(db);

  const publicUrl = (req: FastifyRequest) =>
    (opts.publicUrl ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`).replace(/\/$/, '');

  // JSON only; an empty body is "no body" (some clients send Content-Type on DELETE).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(badRequest('Malformed request body'), undefined);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-openstack-request-id', req.id);
    reply.header('x-compute-request-id', req.id);
    return payload;
  });

  installFaults(app, opts.faults ?? []);

  app.setErrorHandler((err: Error, req, reply) => {
    const { code, statusCode, validation } = err as Error & { code?: string; statusCode?: number; validation?: unknown };
    let e: NovaError;
    if (err instanceof NovaError) e = err;
    else if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') e = new NovaError(413, 'Request is too large.');
    else if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') e = new NovaError(415, 'Unsupported Content-Type');
    else if (validation) e = badRequest(`Invalid input for field/attribute: ${err.message}`);
    else if (statusCode && statusCode < 500) e = new NovaError(statusCode, err.message);
    else {
      req.log.error(err);
      e = new NovaError(500, 'Unexpected API Error. Please report this and attach the request id.');
    }
    void reply.code(e.status).headers(e.headers).send(e.body());
  });
  app.setNotFoundHandler((req, reply) => {
    const e = notFound('The resource could not be found.');
    void reply.code(404).send(e.body());
    req.log.debug({ url: req.url }, 'no route');
  });

  await app.register(versionRoutes, { publicUrl });
  await app.register(identityRoutes, {
    repo: app.identity,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 86_400,
    region: app.cloudConfig.region,
    publicUrl,
  });

  for (const prefix of ['/v2', '/v2.1']) {
    const legacy = prefix === '/v2';
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', async (req, reply) => {
          // Keystone middleware's answer when the token is missing or no longer valid.
          const header = req.headers['x-auth-token'];
          const token = typeof header === 'string' ? app.identity.validToken(header) : undefined;
          if (!token || !token.project_id) {
            return reply
              .code(401)
              .header('WWW-Authenticate', `Keystone uri="${publicUrl(req)}/v3"`)
              .send({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
          }
          const urlProject = (req.params as { project_id?: string }).project_id ?? '';
          if (urlProject !== token.project_id) {
            // Nova's own check (nova/api/openstack/wsgi.py), before any policy.
            throw badRequest(
              `Malformed request URL: URL's project_id '${urlProject}' doesn't match Context's project_id '${token.project_id}'`,
            );
          }
          const user = app.identity.userById(token.user_id);
          const mv = legacy ? BASE : negotiate(req.headers);
          if (!legacy) {
            reply.header('OpenStack-API-Version', `compute ${mv}`);
            reply.header('X-OpenStack-Nova-API-Version', String(mv));
            reply.header('Vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
          }
          req.ctx = {
            requestId: req.id,
            projectId: token.project_id,
            userId: token.user_id,
            userName: user?.name ?? '',
            roles: token.roles,
            isAdmin: token.roles.includes('admin'),
            legacy,
            mv,
            baseUrl: publicUrl(req),
            apiPrefix: `${prefix}/${token.project_id}`,
          };
        });
        for (const mod of computeRouteModules) await scope.register(mod);
      },
      { prefix: `${prefix}/:project_id` },
    );
  }

  const stop = startServices(app);
  app.addHook('onClose', async () => {
    stop();
    db.close();
  });
  return app;
}
