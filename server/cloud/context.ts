import type { Microversion } from './microversion.ts';

/** What every compute handler knows about the request, set by hooks in app.ts. */
export interface RequestContext {
  requestId: string;
  /** The token's project, equal to the URL's {project_id}. */
  projectId: string;
  userId: string;
  userName: string;
  roles: string[];
  isAdmin: boolean;
  /** True on the legacy /v2 API, which ignores microversion headers. */
  legacy: boolean;
  mv: Microversion;
  /** Base URL of this service as the client reached it, for links: http://host:port */
  baseUrl: string;
  /** `/v2/{project}` or `/v2.1/{project}` */
  apiPrefix: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
