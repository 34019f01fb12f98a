import type { FastifyInstance } from 'fastify';
import { serverRouteModules } from './servers-area.ts';
import { resourceRouteModules } from './resources-area.ts';

export type RouteModule = (app: FastifyInstance) => Promise<void>;

/** Every compute route module, registered under /v2/:project_id and /v2.1/:project_id. */
export const computeRouteModules: RouteModule[] = [...serverRouteModules, ...resourceRouteModules];
