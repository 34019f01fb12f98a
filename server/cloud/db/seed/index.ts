import type { Db } from '../database.ts';
import { IdentityRepository } from '../../repositories/identity.ts';
import type { DemoProjects } from './demo.ts';
import { seedResources } from './resources.ts';
import { seedServers } from './servers.ts';


/**
 * The demo identities of README: admin/admin (admin role on every project, so an
 * operator can switch between them), alice/alice (member of alpha), bob/bob (member of beta).
 */
export function seedDemoData(db: Db): DemoProjects {
  return db.transaction(() => {
    const identity = new IdentityRepository(db);
    const domain = identity.createDomain('Default', 'default');
    const projects: DemoProjects = {
      admin: identity.createProject('admin', domain, 'Cloud operators'),
      alpha: identity.createProject('alpha', domain, 'Team Alpha'),
      beta: identity.createProject('beta', domain, 'Team Beta'),
    };
    const admin = identity.createUser('admin', domain, 'admin');
    const alice = identity.createUser('alice', domain, 'alice');
    const bob = identity.createUser('bob', domain, 'bob');
    for (const p of Object.values(projects)) for (const role of ['admin', 'member', 'reader']) identity.assignRole(admin, p, role);
    for (const role of ['member', 'reader']) identity.assignRole(alice, projects.alpha, role);
    for (const role of ['member', 'reader']) identity.assignRole(bob, projects.beta, role);
    const users = { admin, alice, bob };
    seedResources(db, projects, users);
    seedServers(db, projects, users);
    return projects;
  })();
}
