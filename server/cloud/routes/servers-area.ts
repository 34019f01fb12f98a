import type { RouteModule } from './index.ts';

/** Route modules of servers and everything that hangs off a server (chapters 4, 5, 8-13, 15-17, 23). */
export const serverRouteModules: RouteModule[] = [];
