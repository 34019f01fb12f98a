import { badRequest } from '../errors.ts';
import { BASE, negotiate } from '../microversion.ts';
import { userById } from '../repositories/identity.ts';
import { validToken } from '../services/identity.ts';
import '../context.ts';
import { appPlugin } from './plugin.ts';

/**
 * The compute API's front door, registered in each of the /v2 and /v2.1 scopes: the token
 * is checked as Keystone's middleware checks it, the URL's project must be the token's, the
 * microversion is negotiated (not on /v2), and `req.ctx` is set before any handler runs.
 */
export default appPlugin<{ prefix: '/v2' | '/v2.1' }>('compute-context', async (app, { prefix }) => {
  const legacy = prefix === '/v2';
  app.addHook('onRequest', async (req, reply) => {
    const publicUrl = app.cloudConfig.publicUrl(req);
    const header = req.headers['x-auth-token'];
    const token = typeof header === 'string' ? validToken(app.db, header) : undefined;
    if (!token || !token.project_id) {
      return reply
        .code(401)
        .header('WWW-Authenticate', `Keystone uri="${publicUrl}/v3"`)
        .send({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
    }
    const urlProject = (req.params as { project_id?: string }).project_id ?? '';
    if (urlProject !== token.project_id) {
      // Nova's own check (nova/api/openstack/wsgi.py), before any policy.
      throw badRequest(
        `Malformed request URL: URL's project_id '${urlProject}' doesn't match Context's project_id '${token.project_id}'`,
      );
    }
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
      userName: userById(app.db, token.user_id)?.name ?? '',
      roles: token.roles,
      isAdmin: token.roles.includes('admin'),
      legacy,
      mv,
      baseUrl: publicUrl,
      apiPrefix: `${prefix}/${token.project_id}`,
    };
  });
});
