import type { Migration } from './migration.ts';

/**
 * Keystone's default_project_id of a user (GET /v3/users/{id}): the demo users of an
 * existing database get theirs here (admin → admin, alice → alpha, bob → beta), a new one
 * from the seed.
 */
const migration: Migration = {
  id: '004-default-projects',
  sql: `
    ALTER TABLE users ADD COLUMN default_project_id TEXT REFERENCES projects(id);
    UPDATE users SET default_project_id = (
      SELECT p.id FROM projects p
      WHERE p.domain_id = users.domain_id
        AND p.name = CASE users.name WHEN 'admin' THEN 'admin' WHEN 'alice' THEN 'alpha' WHEN 'bob' THEN 'beta' END
    )
    WHERE domain_id = 'default' AND name IN ('admin', 'alice', 'bob');
  `,
};
export default migration;
