import type { $ZodType } from 'zod/v4/core';
import { apiClient, requestIdOf } from '../../lib/api-client';
import { parseResponse } from '../../lib/errors';
import {
  authConfigSchema,
  projectsResponseSchema,
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

export function getAuthConfig(): Promise<AuthConfig> {
  return call('get', '/auth/config', authConfigSchema);
}

export function getSession(): Promise<Session> {
  return call('get', '/auth/session', sessionSchema);
}

export function login(input: LoginInput): Promise<Session> {
  const body = {
    username: input.username.trim(),
    password: input.password,
    domain: input.domain.trim(),
    ...(input.project.trim() ? { project: input.project.trim() } : {}),
  };
  return call('post', '/auth/login', sessionSchema, body);
}

export async function listProjects(): Promise<Project[]> {
  const { projects } = await call('get', '/auth/projects', projectsResponseSchema);
  return projects;
}

export function switchProject(projectId: string): Promise<Session> {
  return call('post', '/auth/project', sessionSchema, { projectId });
}

export async function logout(): Promise<void> {
  await apiClient.post('/auth/logout');
}
