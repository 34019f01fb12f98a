import type { Migration } from './migration.ts';

const migration: Migration = {
  id: '001-identity',
  sql: `
    CREATE TABLE domains (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE projects (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      domain_id TEXT NOT NULL REFERENCES domains(id),
      description TEXT NOT NULL DEFAULT '',
      enabled INTEGER NOT NULL DEFAULT 1,
      UNIQUE (domain_id, name)
    );
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      domain_id TEXT NOT NULL REFERENCES domains(id),
      password_salt TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1,
      UNIQUE (domain_id, name)
    );
    CREATE TABLE role_assignments (
      user_id TEXT NOT NULL REFERENCES users(id),
      project_id TEXT NOT NULL REFERENCES projects(id),
      role TEXT NOT NULL,
      PRIMARY KEY (user_id, project_id, role)
    );
    CREATE TABLE tokens (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      project_id TEXT REFERENCES projects(id),
      roles TEXT NOT NULL,
      methods TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked INTEGER NOT NULL DEFAULT 0
    );
  `,
};
export default migration;
