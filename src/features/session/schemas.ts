/*
 * zod/mini rather than zod: these schemas are on the login page, the first download, where
 * zod/mini's tree-shakable functions cost a fraction of zod's classic API. Same parsing,
 * same `z.infer`; lazy-loaded features use the classic API.
 */
import * as z from 'zod/mini';

/** `GET /auth/config`: what the login page needs before anyone is signed in. */
export const authConfigSchema = z.object({
  mode: z.enum(['login', 'token']),
  region: z._default(z.nullable(z.string()), null),
  endpointName: z._default(z.string(), ''),
  domain: z._default(z.string(), 'Default'),
  /** The gateway's bound on one upstream call; the SPA waits a little longer. */
  upstreamTimeoutMs: z.optional(z.number()),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

/** A domain may come as its name or as Keystone's `{ id, name }`. */
const domainSchema = z.pipe(
  z.union([z.string(), z.object({ id: z.optional(z.string()), name: z.string() })]),
  z.transform((domain) => (typeof domain === 'string' ? domain : domain.name)),
);

export const sessionSchema = z.object({
  authenticated: z.optional(z.literal(true)),
  user: z.object({ id: z.string(), name: z.string(), domain: z.optional(domainSchema) }),
  project: z.object({ id: z.string(), name: z.string() }),
  roles: z._default(z.array(z.string()), []),
  isAdmin: z._default(z.boolean(), false),
  expiresAt: z.string(),
  region: z._default(z.nullable(z.string()), null),
  endpointName: z._default(z.string(), ''),
  /**
   * The compute endpoint's version documents, discovered and cached by the gateway (null when
   * it could not); the versions feature reads them (features/versions/api.ts).
   */
  compute: z._default(z.nullable(z.unknown()), null),
  upstreamTimeoutMs: z.optional(z.number()),
});
export type Session = z.infer<typeof sessionSchema>;

/** `GET /auth/session`: the session, or a signed-out visitor (an answer, not an error). */
export const sessionProbeSchema = z.union([z.object({ authenticated: z.literal(false) }), sessionSchema]);

const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.optional(z.string()),
  enabled: z._default(z.boolean(), true),
});
export type Project = z.infer<typeof projectSchema>;

export const projectsResponseSchema = z.object({ projects: z.array(projectSchema) });

/** The login form; messages are i18n keys. */
export const loginInputSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'login.validation.username')),
  password: z.string().check(z.minLength(1, 'login.validation.password')),
  domain: z.string().check(z.trim(), z.minLength(1, 'login.validation.domain')),
  project: z.string().check(z.trim()),
});
export type LoginInput = z.infer<typeof loginInputSchema>;
