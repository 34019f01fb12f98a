import { NovaError } from '../errors.ts';
import { validToken } from '../services/identity.ts';
import '../context.ts';
import { appPlugin } from './plugin.ts';

/** keystonemiddleware's answer to a missing, invalid or expired token (webob's HTTPUnauthorized). */
const UNAUTHORIZED =
  'This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong ' +
  'credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.';

/**
 * The image service's front door, registered in its /v2 scope: the token is checked as
 * Keystone's middleware checks it (a project-scoped token, as the compute API asks) and
 * `req.imageCtx` says who calls. Glance's URLs carry no project: the token's is the caller's.
 */
export default appPlugin('image-context', async (app) => {
  app.addHook('onRequest', async (req) => {
    const header = req.headers['x-auth-token'];
    const token = typeof header === 'string' ? validToken(app.db, header) : undefined;
    if (!token || !token.project_id) {
      throw new NovaError(401, UNAUTHORIZED, { headers: { 'WWW-Authenticate': `Keystone uri="${app.cloudConfig.publicUrl(req)}/v3"` } });
    }
    req.imageCtx = { requestId: req.id, projectId: token.project_id, userId: token.user_id, isAdmin: token.roles.includes('admin') };
  });
});
