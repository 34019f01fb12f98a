import type { $ZodType } from 'zod/v4/core';
import { adoptGatewayTimeout, apiClient, requestIdOf } from '../../lib/api-client';
import { ApiError, parseResponse } from '../../lib/errors';
import {
  authConfigSchema,
  projectsResponseSchema,
  sessionProbeSchema,
  sessionSchema,
  type AuthConfig,
  type LoginInput,
  type Project,
  type Session,
} from './schemas';

/** The gateway's session API (docs/internals.md): same origin, cookie-based. */
async function call<S extends $ZodType>(method: 'get' | 'post', url: string, schema: S, data?: unknown) {
  const response = await apiClient.request({ method, url, data });
  return parseResponse(schema, response.data, { method, url, requestId: requestIdOf(response) });
}

/** The gateway says how long it waits for the cloud; the SPA's own timeout follows. */
function adopt<T extends { upstreamTimeoutMs?: number }>(answer: T): T {
  adoptGatewayTimeout(answer.upstreamTimeoutMs);
  return answer;
}

export async function getAuthConfig(): Promise<AuthConfig> {
  return adopt(await call('get', '/auth/config', authConfigSchema));
}

/**
 * The session, from the gateway's server-side session. A signed-out visitor (`{authenticated:
 * false}`, a 200 so the browser logs no error) rejects with a 401 ApiError `not_authenticated`
 * that only the route loaders see: they send the visitor to the login page.
 */
export async function getSession(): Promise<Session> {
  const probe = await call('get', '/auth/session', sessionProbeSchema);
  if (probe.authenticated === false) {
    throw new ApiError({ status: 401, code: 'not_authenticated', message: '', method: 'GET', url: '/auth/session' });
  }
  return adopt(probe);
}

export async function login(input: LoginInput): Promise<Session> {
  const body = {
    username: input.username.trim(),
    password: input.password,
    domain: input.domain.trim(),
    ...(input.project.trim() ? { project: input.project.trim() } : {}),
  };
  return adopt(await call('post', '/auth/login', sessionSchema, body));
}

export async function listProjects(): Promise<Project[]> {
  const { projects } = await call('get', '/auth/projects', projectsResponseSchema);
  return projects;
}

export async function switchProject(projectId: string): Promise<Session> {
  return adopt(await call('post', '/auth/project', sessionSchema, { projectId }));
}

export async function logout(): Promise<void> {
  await apiClient.post('/auth/logout');
}
