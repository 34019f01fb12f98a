import { z } from 'zod';

const linkSchema = z.object({ href: z.string(), rel: z.string(), type: z.string().optional() });

/** One entry of `GET /` or the body of `GET /{version}` (spec 3.3, 3.4). */
const apiVersionSchema = z.object({
  id: z.string(),
  status: z.string(),
  /** Max microversion; '' when the version has none. */
  version: z.string().default(''),
  min_version: z.string().default(''),
  updated: z.string().optional(),
  links: z.array(linkSchema).default([]),
});
export type ApiVersion = z.infer<typeof apiVersionSchema>;

export const versionsResponseSchema = z.object({ versions: z.array(apiVersionSchema) });
export const versionResponseSchema = z.object({ version: apiVersionSchema });

/** The same documents as the gateway hands them over with the session (`Session.compute`). */
export const gatewayVersionsSchema = z.object({ versions: z.array(apiVersionSchema), current: apiVersionSchema.nullable() });

/** What the console learnt about the compute endpoint and chose to speak. */
export interface ComputeDiscovery {
  versions: ApiVersion[];
  /** The v2.1 version document, when the endpoint has v2.1. */
  current: ApiVersion | null;
  /** Negotiated microversion; null without v2.1 or without a common microversion. */
  microversion: string | null;
  legacyAvailable: boolean;
  /** v2.1 exists but its minimum microversion is above what the console understands. */
  incompatible: boolean;
}
