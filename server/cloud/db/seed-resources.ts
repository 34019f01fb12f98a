import type { Db } from './database.ts';
import type { DemoProjects, DemoUsers } from './seed.ts';

/** Flavors, public images, AZs, and per project a network and the default security group. */
export function seedResources(_db: Db, _projects: DemoProjects, _users: DemoUsers): void {}
