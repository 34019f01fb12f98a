import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { hexId, isoNow } from '../ids.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface Project {
  id: string;
  name: string;
  domain_id: string;
  description: string;
  enabled: number;
}
export interface User {
  id: string;
  name: string;
  domain_id: string;
  password_salt: string;
  password_hash: string;
  enabled: number;
}
export interface Token {
  id: string;
  user_id: string;
  project_id: string | null;
  roles: string[];
  methods: string[];
  issued_at: string;
  expires_at: string;
}

interface TokenRow extends Omit<Token, 'roles' | 'methods'> {
  roles: string;
  methods: string;
  revoked: number;
}

/** Keystone's users, projects, role assignments and tokens: no HTTP here. */
export class IdentityRepository {
  constructor(private readonly db: Db) {}

  domainByRef(ref: { id?: string; name?: string } | undefined): { id: string; name: string } | undefined {
    if (!ref) return undefined;
    if (ref.id) return this.db.prepare('SELECT id, name FROM domains WHERE id = ?').get(ref.id) as never;
    if (ref.name) return this.db.prepare('SELECT id, name FROM domains WHERE name = ?').get(ref.name) as never;
    return undefined;
  }

  domainName(id: string): string {
    return (this.db.prepare('SELECT name FROM domains WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id;
  }

  userById(id: string): User | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as User | undefined;
  }

  userByName(domainId: string, name: string): User | undefined {
    return this.db.prepare('SELECT * FROM users WHERE domain_id = ? AND name = ?').get(domainId, name) as User | undefined;
  }

  checkPassword(user: User, password: string): boolean {
    return user.enabled === 1 && verifyPassword(password, user.password_salt, user.password_hash);
  }

  projectById(id: string): Project | undefined {
    return this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Project | undefined;
  }

  projectByName(domainId: string, name: string): Project | undefined {
    return this.db.prepare('SELECT * FROM projects WHERE domain_id = ? AND name = ?').get(domainId, name) as
      | Project
      | undefined;
  }

  allProjects(): Project[] {
    return this.db.prepare('SELECT * FROM projects ORDER BY name').all() as Project[];
  }

  /** Projects where the user holds at least one role. */
  projectsOf(userId: string): Project[] {
    return this.db
      .prepare(
        `SELECT DISTINCT p.* FROM projects p JOIN role_assignments r ON r.project_id = p.id
         WHERE r.user_id = ? AND p.enabled = 1 ORDER BY p.name`,
      )
      .all(userId) as Project[];
  }

  rolesOn(userId: string, projectId: string): string[] {
    return (
      this.db
        .prepare('SELECT role FROM role_assignments WHERE user_id = ? AND project_id = ? ORDER BY role')
        .all(userId, projectId) as { role: string }[]
    ).map((r) => r.role);
  }

  issueToken(userId: string, projectId: string | null, roles: string[], methods: string[], ttlSeconds: number, expiresCap?: string): Token {
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
    this.db
      .prepare(
        `INSERT INTO tokens (id, user_id, project_id, roles, methods, issued_at, expires_at)
         VALUES (@id, @user_id, @project_id, @roles, @methods, @issued_at, @expires_at)`,
      )
      .run({ ...token, roles: JSON.stringify(roles), methods: JSON.stringify(methods) });
    return token;
  }

  /** A token that exists, is not revoked and has not expired. */
  validToken(id: string): Token | undefined {
    const row = this.db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined;
    if (!row || row.revoked || Date.parse(row.expires_at) <= Date.now()) return undefined;
    return { ...row, roles: JSON.parse(row.roles) as string[], methods: JSON.parse(row.methods) as string[] };
  }

  revokeToken(id: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked = 1 WHERE id = ? AND revoked = 0').run(id).changes > 0;
  }

  createDomain(name: string, id = name.toLowerCase()): string {
    this.db.prepare('INSERT INTO domains (id, name) VALUES (?, ?)').run(id, name);
    return id;
  }

  createProject(name: string, domainId: string, description = ''): string {
    const id = hexId();
    this.db.prepare('INSERT INTO projects (id, name, domain_id, description) VALUES (?, ?, ?, ?)').run(id, name, domainId, description);
    return id;
  }

  createUser(name: string, domainId: string, password: string): string {
    const id = hexId();
    const { salt, hash } = hashPassword(password);
    this.db
      .prepare('INSERT INTO users (id, name, domain_id, password_salt, password_hash) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, domainId, salt, hash);
    return id;
  }

  assignRole(userId: string, projectId: string, role: string): void {
    this.db.prepare('INSERT OR IGNORE INTO role_assignments (user_id, project_id, role) VALUES (?, ?, ?)').run(userId, projectId, role);
  }

  /** Tokens are kept a day past expiry for auditing, then dropped. */
  purgeExpiredTokens(): void {
    this.db.prepare('DELETE FROM tokens WHERE expires_at < ?').run(isoNow(Date.now() - 86_400_000));
  }
}
