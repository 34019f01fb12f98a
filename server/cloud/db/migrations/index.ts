import identity from './001-identity.ts';
import catalog from './002-catalog.ts';
import compute from './003-compute.ts';
import defaultProjects from './004-default-projects.ts';
import serverCounters from './005-server-counters.ts';
import type { Migration } from './migration.ts';

/** Applied in this order, each once; never edit a migration that has shipped, add one. */
export const migrations: Migration[] = [identity, catalog, compute, defaultProjects, serverCounters].flat();
