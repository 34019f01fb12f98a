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

/**
 * Who calls the image service (Glance's URLs carry no project: the token says it), set by
 * plugins/image-context.ts before any image route runs.
 */
export interface ImageContext {
  requestId: string;
  projectId: string;
  userId: string;
  /** A token with the admin role: Glance's is_admin, which sees and may delete every image. */
  isAdmin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    imageCtx: ImageContext;
  }
}
