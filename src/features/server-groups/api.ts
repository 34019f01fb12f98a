import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import {
  serverGroupListResponseSchema,
  serverGroupResponseSchema,
  type CreateServerGroupRequest,
  type ServerGroup,
} from './schemas';

/** List Server Groups (8.2); `allProjects` is honoured for admins only (at most 1000 groups). */
export async function listServerGroups(target: ComputeTarget, allProjects = false, signal?: AbortSignal): Promise<ServerGroup[]> {
  const body = await computeRequest(target, {
    path: '/os-server-groups',
    params: allProjects ? { all_projects: 'True' } : undefined,
    schema: serverGroupListResponseSchema,
    signal,
  });
  return body.server_groups;
}

/** Get Server Group Detail (8.3). */
export async function getServerGroup(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<ServerGroup> {
  return (await computeRequest(target, { path: encodePath`/os-server-groups/${id}`, schema: serverGroupResponseSchema, signal })).server_group;
}

/** Create Server Group (8.1). */
export async function createServerGroup(target: ComputeTarget, request: CreateServerGroupRequest): Promise<ServerGroup> {
  const body = await computeRequest(target, {
    method: 'post',
    path: '/os-server-groups',
    data: { server_group: { name: request.name, policies: [request.policy] } },
    schema: serverGroupResponseSchema,
  });
  return body.server_group;
}

/** Delete Server Group (8.4). */
export async function deleteServerGroup(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { method: 'delete', path: encodePath`/os-server-groups/${id}`, schema: z.unknown() });
}
