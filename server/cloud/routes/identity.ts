import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { NovaError } from '../errors.ts';
import { validatorCompiler } from '../plugins/validation.ts';
import type { Token } from '../repositories/identity.ts';
import { authTokensBody, type AuthTokensBody } from '../schemas/identity.ts';

// Keystone v3's password and token methods, scoped to a project (section 1.4 of the spec).

/** Keystone's 401: one message whatever was wrong, so a caller learns nothing about which part. */
const authFailed = () =>
  new NovaError(401, 'The request you have made requires authentication.', { envelope: 'error' });

function keystoneError(status: number, message: string) {
  return { error: { code: status, message, title: status === 401 ? 'Unauthorized' : 'Bad Request' } };
}

export default async function identityRoutes(app: FastifyInstance) {
  const repo = app.identity;
  const opts = app.cloudConfig;

  // Keystone's errors are {"error": {"code", "message", "title"}}, not Nova's envelope.
  app.setValidatorCompiler(validatorCompiler('keystone'));
  app.setErrorHandler((err: Error, _req, reply) => {
    const status = err instanceof NovaError ? err.status : (err as { statusCode?: number }).statusCode ?? 500;
    const message = status >= 500 ? 'An unexpected error prevented the server from fulfilling your request.' : err.message;
    void reply.code(status).send(keystoneError(status, message));
  });

  const versionDoc = (req: FastifyRequest) => ({
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${opts.publicUrl(req)}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  });

  app.get('/v3', async (req) => ({ version: versionDoc(req) }));

  const tokenBody = (req: FastifyRequest, token: Token) => {
    const user = repo.userById(token.user_id)!;
    const userDomain = { id: user.domain_id, name: repo.domainName(user.domain_id) };
    const body: Record<string, unknown> = {
      methods: token.methods,
      user: { id: user.id, name: user.name, domain: userDomain, password_expires_at: null },
      audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
      issued_at: token.issued_at.replace('Z', '000Z'),
      expires_at: token.expires_at.replace('Z', '000Z'),
    };
    if (token.project_id) {
      const project = repo.projectById(token.project_id)!;
      const base = opts.publicUrl(req);
      body.project = { id: project.id, name: project.name, domain: { id: project.domain_id, name: repo.domainName(project.domain_id) } };
      body.is_domain = false;
      body.roles = token.roles.map((name) => ({ id: `role-${name}`, name }));
      const endpoint = (service: string, url: string) => ({
        id: `${service}-public`,
        interface: 'public',
        region: opts.region,
        region_id: opts.region,
        url,
      });
      body.catalog = [
        { id: 'nova', type: 'compute', name: 'nova', endpoints: [endpoint('nova', `${base}/v2.1/${project.id}`)] },
        { id: 'novav2', type: 'compute_legacy', name: 'nova_legacy', endpoints: [endpoint('novav2', `${base}/v2/${project.id}`)] },
        { id: 'keystone', type: 'identity', name: 'keystone', endpoints: [endpoint('keystone', `${base}/v3`)] },
      ];
    }
    return { token: body };
  };

  const tokenFromHeader = (req: FastifyRequest, header: string) => {
    const id = req.headers[header];
    return typeof id === 'string' ? repo.validToken(id) : undefined;
  };

  app.post('/v3/auth/tokens', { schema: { body: authTokensBody } }, async (req, reply) => {
    const { identity, scope } = (req.body as AuthTokensBody).auth;

    let userId: string;
    let methods: string[];
    let expiresCap: string | undefined;
    if (identity.methods.includes('password') && identity.password) {
      const u = identity.password.user;
      const user = u.id
        ? repo.userById(u.id)
        : (() => {
            const domain = repo.domainByRef(u.domain);
            return domain && u.name ? repo.userByName(domain.id, u.name) : undefined;
          })();
      if (!user || !repo.checkPassword(user, u.password)) throw authFailed();
      userId = user.id;
      methods = ['password'];
    } else if (identity.methods.includes('token') && identity.token) {
      const source = repo.validToken(identity.token.id);
      if (!source) throw authFailed();
      userId = source.user_id;
      methods = source.methods;
      expiresCap = source.expires_at;
    } else {
      throw authFailed();
    }

    let projectId: string | null = null;
    let roles: string[] = [];
    const project = typeof scope === 'object' ? scope.project : undefined;
    if (project) {
      const found = project.id
        ? repo.projectById(project.id)
        : (() => {
            const domain = repo.domainByRef(project.domain);
            return domain && project.name ? repo.projectByName(domain.id, project.name) : undefined;
          })();
      roles = found ? repo.rolesOn(userId, found.id) : [];
      if (!found || !found.enabled || roles.length === 0) throw authFailed();
      projectId = found.id;
    }
    const token = repo.issueToken(userId, projectId, roles, methods, opts.tokenTtlSeconds, expiresCap);
    void reply.code(201).header('X-Subject-Token', token.id);
    return tokenBody(req, token);
  });

  app.get('/v3/auth/tokens', async (req, reply) => {
    if (!tokenFromHeader(req, 'x-auth-token')) throw authFailed();
    const subject = tokenFromHeader(req, 'x-subject-token');
    if (!subject) throw new NovaError(404, 'Could not find token.');
    void reply.header('X-Subject-Token', subject.id);
    return tokenBody(req, subject);
  });

  app.delete('/v3/auth/tokens', async (req, reply) => {
    const caller = tokenFromHeader(req, 'x-auth-token');
    if (!caller) throw authFailed();
    const subject = req.headers['x-subject-token'];
    const target = typeof subject === 'string' ? repo.validToken(subject) : undefined;
    // A user may revoke their own tokens; an admin any token.
    if (!target || (target.user_id !== caller.user_id && !caller.roles.includes('admin'))) {
      throw new NovaError(404, 'Could not find token.');
    }
    repo.revokeToken(target.id);
    return reply.code(204).send();
  });

  app.get('/v3/auth/projects', async (req) => {
    const caller = tokenFromHeader(req, 'x-auth-token');
    if (!caller) throw authFailed();
    const base = opts.publicUrl(req);
    return {
      projects: repo.projectsOf(caller.user_id).map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: p.domain_id,
        description: p.description,
        enabled: p.enabled === 1,
        is_domain: false,
        parent_id: p.domain_id,
        links: { self: `${base}/v3/projects/${p.id}` },
      })),
      links: { self: `${base}/v3/auth/projects`, previous: null, next: null },
    };
  });
}
