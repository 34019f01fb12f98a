import type { RouteModule } from './index.ts';

/** Route modules of the project's other resources (chapters 6, 7, 14, 18-22). */
export const resourceRouteModules: RouteModule[] = [];
