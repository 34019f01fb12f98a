import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NovaError } from '../errors.ts';
import { validatorCompiler } from '../plugins/validation.ts';
import { authProjectsSchema, authTokensBody, identityVersionSchema, userSchemas, type AuthTokensBody } from '../schemas/identity.ts';
import { authenticate, checkToken, projectsFor, revoke, showUser, tokenSubject } from '../services/identity.ts';
import { identityVersion, keystoneError, projectsView, tokenView, userView } from '../views/identity.ts';

/** Keystone v3's identity API: the version, tokens (section 1.4 of the spec), the caller's projects, users. */
export default async function identityRoutes(app: FastifyInstance) {
  const { db, cloudConfig: config } = app;

  // Keystone's words for a bad body, and its error document rather than Nova's envelope.
  app.setValidatorCompiler(validatorCompiler('keystone'));
  app.setErrorHandler((err: Error, _req, reply) => {
    const status = err instanceof NovaError ? err.status : (err as { statusCode?: number }).statusCode ?? 500;
    const message = status >= 500 ? 'An unexpected error prevented the server from fulfilling your request.' : err.message;
    void reply.code(status).send(keystoneError(status, message));
  });

  const tokenDocument = (req: FastifyRequest, token: ReturnType<typeof authenticate>) => tokenView(token, tokenSubject(db, token), config.publicUrl(req), config.region);

  app.get('/v3', { schema: identityVersionSchema }, async (req) => identityVersion(config.publicUrl(req)));

  app.post<{ Body: AuthTokensBody }>('/v3/auth/tokens', { schema: { body: authTokensBody } }, async (req, reply) => {
    const token = authenticate(db, req.body, config.tokenTtlSeconds);
    void reply.code(201).header('X-Subject-Token', token.id);
    return tokenDocument(req, token);
  });

  app.get('/v3/auth/tokens', async (req, reply) => {
    const subject = checkToken(db, req.headers['x-auth-token'], req.headers['x-subject-token']);
    void reply.header('X-Subject-Token', subject.id);
    return tokenDocument(req, subject);
  });

  app.delete('/v3/auth/tokens', async (req, reply) => {
    revoke(db, req.headers['x-auth-token'], req.headers['x-subject-token']);
    return reply.code(204).send();
  });

  app.get('/v3/auth/projects', { schema: authProjectsSchema }, async (req) => projectsView(projectsFor(db, req.headers['x-auth-token']), config.publicUrl(req)));

  app.get<{ Params: { user_id: string } }>('/v3/users/:user_id', { schema: userSchemas.show }, async (req) =>
    userView(showUser(db, req.headers['x-auth-token'], req.params.user_id), config.publicUrl(req)),
  );
}
