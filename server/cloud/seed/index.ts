import type { Db } from '../db/database.ts';
import { assignRole } from '../repositories/identity.ts';
import { createDomain, createProject, createUser } from '../services/identity.ts';
import type { DemoProjects } from './demo.ts';
import { seedResources } from './resources.ts';
import { seedServers } from './servers.ts';


/**
 * The demo identities of README: admin/admin (admin role on every project, so an
 * operator can switch between them; default project admin), alice/alice (member of alpha),
 * bob/bob (member of beta).
 */
export function seedDemoData(db: Db): DemoProjects {
  return db.transaction(() => {
    const domain = createDomain(db, 'Default', 'default');
    const projects: DemoProjects = {
      admin: createProject(db, 'admin', domain, 'Cloud operators'),
      alpha: createProject(db, 'alpha', domain, 'Team Alpha'),
      beta: createProject(db, 'beta', domain, 'Team Beta'),
    };
    // Each with the project it works in by default (Keystone's default_project_id).
    const admin = createUser(db, 'admin', domain, 'admin', projects.admin);
    const alice = createUser(db, 'alice', domain, 'alice', projects.alpha);
    const bob = createUser(db, 'bob', domain, 'bob', projects.beta);
    for (const p of Object.values(projects)) for (const role of ['admin', 'member', 'reader']) assignRole(db, admin, p, role);
    for (const role of ['member', 'reader']) assignRole(db, alice, projects.alpha, role);
    for (const role of ['member', 'reader']) assignRole(db, bob, projects.beta, role);
    const users = { admin, alice, bob };
    seedResources(db, projects, users);
    seedServers(db, projects, users);
    return projects;
  })();
}
