import { z } from 'zod';

/** A server group (spec 8.1–8.3); owner fields from microversion 2.13. */
const serverGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  policies: z.array(z.string()).default([]),
  members: z.array(z.string()).default([]),
  metadata: z.record(z.string(), z.string()).default({}),
  project_id: z.string().optional(),
  user_id: z.string().optional(),
});
export type ServerGroup = z.infer<typeof serverGroupSchema>;

export const serverGroupResponseSchema = z.object({ server_group: serverGroupSchema });
export const serverGroupListResponseSchema = z.object({ server_groups: z.array(serverGroupSchema) });

/**
 * Spec 8.1: anti-affinity (the one the spec says is supported) and affinity (in the API,
 * with the spec's note that only anti-affinity is currently supported).
 */
export const SERVER_GROUP_POLICIES = ['anti-affinity', 'affinity'] as const;
export type ServerGroupPolicy = (typeof SERVER_GROUP_POLICIES)[number];

export interface CreateServerGroupRequest {
  name: string;
  policy: ServerGroupPolicy;
}

/** Spec 8.1: a name longer than 0 and shorter than 256 bytes. Returns an i18n key or null. */
export function serverGroupNameProblem(name: string): string | null {
  if (!name.trim()) return 'serverGroups.validation.nameRequired';
  if (new TextEncoder().encode(name).length > 255) return 'serverGroups.validation.nameTooLong';
  return null;
}
