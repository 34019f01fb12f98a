import type { Db } from '../db/database.ts';

// Keystone's domains, users, projects, role assignments and tokens.

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
  default_project_id: string | null;
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
export interface StoredToken extends Token {
  revoked: boolean;
}

interface TokenRow extends Omit<Token, 'roles' | 'methods'> {
  roles: string;
  methods: string;
  revoked: number;
}

export function domainByRef(db: Db, ref: { id?: string; name?: string } | undefined): { id: string; name: string } | undefined {
  if (!ref) return undefined;
  if (ref.id) return db.prepare('SELECT id, name FROM domains WHERE id = ?').get(ref.id) as { id: string; name: string } | undefined;
  if (ref.name) return db.prepare('SELECT id, name FROM domains WHERE name = ?').get(ref.name) as { id: string; name: string } | undefined;
  return undefined;
}

export function domainName(db: Db, id: string): string {
  return (db.prepare('SELECT name FROM domains WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id;
}

export function userById(db: Db, id: string): User | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as User | undefined;
}

export function userByName(db: Db, domainId: string, name: string): User | undefined {
  return db.prepare('SELECT * FROM users WHERE domain_id = ? AND name = ?').get(domainId, name) as User | undefined;
}

export function projectById(db: Db, id: string): Project | undefined {
  return db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Project | undefined;
}

export function projectByName(db: Db, domainId: string, name: string): Project | undefined {
  return db.prepare('SELECT * FROM projects WHERE domain_id = ? AND name = ?').get(domainId, name) as Project | undefined;
}

/** Enabled projects where the user holds at least one role. */
export function projectsOf(db: Db, userId: string): Project[] {
  return db
    .prepare(
      `SELECT DISTINCT p.* FROM projects p JOIN role_assignments r ON r.project_id = p.id
       WHERE r.user_id = ? AND p.enabled = 1 ORDER BY p.name`,
    )
    .all(userId) as Project[];
}

export function rolesOn(db: Db, userId: string, projectId: string): string[] {
  return (db.prepare('SELECT role FROM role_assignments WHERE user_id = ? AND project_id = ? ORDER BY role').all(userId, projectId) as { role: string }[]).map(
    (r) => r.role,
  );
}

export function insertToken(db: Db, token: Token): void {
  db.prepare(
    `INSERT INTO tokens (id, user_id, project_id, roles, methods, issued_at, expires_at)
     VALUES (@id, @user_id, @project_id, @roles, @methods, @issued_at, @expires_at)`,
  ).run({ ...token, roles: JSON.stringify(token.roles), methods: JSON.stringify(token.methods) });
}

export function tokenById(db: Db, id: string): StoredToken | undefined {
  const row = db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined;
  if (!row) return undefined;
  return { ...row, roles: JSON.parse(row.roles) as string[], methods: JSON.parse(row.methods) as string[], revoked: row.revoked === 1 };
}

export function revokeToken(db: Db, id: string): boolean {
  return db.prepare('UPDATE tokens SET revoked = 1 WHERE id = ? AND revoked = 0').run(id).changes > 0;
}

export function insertDomain(db: Db, id: string, name: string): void {
  db.prepare('INSERT INTO domains (id, name) VALUES (?, ?)').run(id, name);
}

export function insertProject(db: Db, p: Omit<Project, 'enabled'>): void {
  db.prepare('INSERT INTO projects (id, name, domain_id, description) VALUES (?, ?, ?, ?)').run(p.id, p.name, p.domain_id, p.description);
}

export function insertUser(db: Db, u: Omit<User, 'enabled'>): void {
  db.prepare(
    'INSERT INTO users (id, name, domain_id, password_salt, password_hash, default_project_id) VALUES (@id, @name, @domain_id, @password_salt, @password_hash, @default_project_id)',
  ).run(u);
}

export function assignRole(db: Db, userId: string, projectId: string, role: string): void {
  db.prepare('INSERT OR IGNORE INTO role_assignments (user_id, project_id, role) VALUES (?, ?, ?)').run(userId, projectId, role);
}
