import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { NovaError } from '../errors.ts';
import { hexId } from '../ids.ts';
import {
  domainByRef,
  domainName,
  insertDomain,
  insertProject,
  insertToken,
  insertUser,
  projectById,
  projectByName,
  projectsOf,
  revokeToken,
  rolesOn,
  tokenById,
  userById,
  userByName,
  type Project,
  type Token,
  type User,
} from '../repositories/identity.ts';
import type { AuthTokensBody } from '../schemas/identity.ts';
import type { TokenSubject } from '../views/identity.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

// Keystone v3's password and token methods, scoped to a project (section 1.4 of the spec).

/** Keystone's 401: one message whatever was wrong, so a caller learns nothing about which part. */
const authFailed = () => new NovaError(401, 'The request you have made requires authentication.', { envelope: 'error' });
const tokenNotFound = () => new NovaError(404, 'Could not find token.');

/** A token that exists, is not revoked and has not expired. */
export function validToken(db: Db, id: string): Token | undefined {
  const t = tokenById(db, id);
  if (!t || t.revoked || Date.parse(t.expires_at) <= Date.now()) return undefined;
  const { revoked: _revoked, ...token } = t;
  return token;
}

/** The valid token a request carries in `header`, or Keystone's 401. */
function callerToken(db: Db, header: unknown): Token {
  const token = typeof header === 'string' ? validToken(db, header) : undefined;
  if (!token) throw authFailed();
  return token;
}

function issueToken(db: Db, userId: string, projectId: string | null, roles: string[], methods: string[], ttlSeconds: number, expiresCap?: string): Token {
  const now = Date.now();
  let expires = now + ttlSeconds * 1000;
  // A token made from another token never outlives it, as in Keystone.
  if (expiresCap) expires = Math.min(expires, Date.parse(expiresCap));
  const token: Token = {
    id: `gAAAAA${randomBytes(48).toString('base64url')}`,
    user_id: userId,
    project_id: projectId,
    roles,
    methods,
    issued_at: new Date(now).toISOString(),
    expires_at: new Date(expires).toISOString(),
  };
  insertToken(db, token);
  return token;
}

/** POST /v3/auth/tokens: who the body proves to be, scoped as it asks; anything wrong is 401. */
export function authenticate(db: Db, { auth }: AuthTokensBody, ttlSeconds: number): Token {
  const { identity, scope } = auth;
  let userId: string;
  let methods: string[];
  let expiresCap: string | undefined;
  if (identity.methods.includes('password') && identity.password) {
    const u = identity.password.user;
    const user = u.id
      ? userById(db, u.id)
      : (() => {
          const domain = domainByRef(db, u.domain);
          return domain && u.name ? userByName(db, domain.id, u.name) : undefined;
        })();
    if (!user || user.enabled !== 1 || !verifyPassword(u.password, user.password_salt, user.password_hash)) throw authFailed();
    userId = user.id;
    methods = ['password'];
  } else if (identity.methods.includes('token') && identity.token) {
    const source = validToken(db, identity.token.id);
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
      ? projectById(db, project.id)
      : (() => {
          const domain = domainByRef(db, project.domain);
          return domain && project.name ? projectByName(db, domain.id, project.name) : undefined;
        })();
    roles = found ? rolesOn(db, userId, found.id) : [];
    if (!found || !found.enabled || roles.length === 0) throw authFailed();
    projectId = found.id;
  }
  return issueToken(db, userId, projectId, roles, methods, ttlSeconds, expiresCap);
}

/** GET /v3/auth/tokens: the subject token, for any valid caller. */
export function checkToken(db: Db, callerHeader: unknown, subjectHeader: unknown): Token {
  callerToken(db, callerHeader);
  const subject = typeof subjectHeader === 'string' ? validToken(db, subjectHeader) : undefined;
  if (!subject) throw tokenNotFound();
  return subject;
}

/** DELETE /v3/auth/tokens: a user may revoke their own tokens; an admin any token. */
export function revoke(db: Db, callerHeader: unknown, subjectHeader: unknown): void {
  const caller = callerToken(db, callerHeader);
  const target = typeof subjectHeader === 'string' ? validToken(db, subjectHeader) : undefined;
  if (!target || (target.user_id !== caller.user_id && !caller.roles.includes('admin'))) throw tokenNotFound();
  revokeToken(db, target.id);
}

/** Who a token speaks for, with the names of their domains, as a token document shows them. */
export function tokenSubject(db: Db, token: Token): TokenSubject {
  const user = userById(db, token.user_id)!;
  const project = token.project_id ? projectById(db, token.project_id) : undefined;
  return {
    user,
    userDomain: { id: user.domain_id, name: domainName(db, user.domain_id) },
    ...(project ? { project, projectDomain: { id: project.domain_id, name: domainName(db, project.domain_id) } } : {}),
  };
}

/**
 * GET /v3/users/{id}: Keystone's identity:get_user policy as this cloud has it: a user reads
 * itself, an admin (a token with the admin role) anyone; others are refused before the user
 * is looked up, so they cannot learn which ids exist.
 */
export function showUser(db: Db, callerHeader: unknown, userId: string): User {
  const caller = callerToken(db, callerHeader);
  if (caller.user_id !== userId && !caller.roles.includes('admin')) {
    throw new NovaError(403, 'You are not authorized to perform the requested action: identity:get_user.');
  }
  const user = userById(db, userId);
  if (!user) throw new NovaError(404, `Could not find user: ${userId}.`);
  return user;
}

/** GET /v3/auth/projects: the projects the caller's user may scope to. */
export const projectsFor = (db: Db, callerHeader: unknown): Project[] => projectsOf(db, callerToken(db, callerHeader).user_id);

// ---- Identities the spec's API cannot make: the seed and the tests make them ----

export function createDomain(db: Db, name: string, id = name.toLowerCase()): string {
  insertDomain(db, id, name);
  return id;
}

export function createProject(db: Db, name: string, domainId: string, description = ''): string {
  const id = hexId();
  insertProject(db, { id, name, domain_id: domainId, description });
  return id;
}

export function createUser(db: Db, name: string, domainId: string, password: string, defaultProjectId: string | null = null): string {
  const id = hexId();
  const { salt, hash } = hashPassword(password);
  insertUser(db, { id, name, domain_id: domainId, password_salt: salt, password_hash: hash, default_project_id: defaultProjectId });
  return id;
}

