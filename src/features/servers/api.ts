import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { isNotFound } from '../../lib/errors';
import { nextMarker } from '../../lib/paging';
import {
  consoleOutputSchema,
  createServerResponseSchema,
  instanceActionEnvelopeSchema,
  instanceActionListSchema,
  rebuildResponseSchema,
  serverEnvelopeSchema,
  serverListResponseSchema,
  serverSummaryListResponseSchema,
  tagsResponseSchema,
  type CreateServerBody,
  type CreatedServer,
  type InstanceAction,
  type Server,
  type ServerActionBodies,
  type ServerActionBody,
  type ServerActionName,
  type ServerSummary,
  type UpdateServerRequest,
} from './schemas';

/** Spec 4.9's sort keys. */
export const SERVER_SORT_KEYS = [
  'display_name',
  'created_at',
  'updated_at',
  'vm_state',
  'task_state',
  'power_state',
  'availability_zone',
  'uuid',
] as const;
export type ServerSortKey = (typeof SERVER_SORT_KEYS)[number];

/**
 * Every query parameter of List Servers (spec 4.4, 4.9): filters, sort and page. Tag lists
 * are arrays here and joined with commas on the wire.
 */
export interface ServerListFilters {
  name?: string;
  status?: string;
  flavor?: string;
  image?: string;
  ip?: string;
  availability_zone?: string;
  tags?: string[];
  'tags-any'?: string[];
  'not-tags'?: string[];
  'not-tags-any'?: string[];
  'changes-since'?: string;
  sort_key?: ServerSortKey | string;
  sort_dir?: 'asc' | 'desc';
  limit?: number;
  marker?: string;
  /** Admins only: every project's servers. */
  all_tenants?: boolean;
  /** Admins only: deleted servers. */
  deleted?: boolean;
}

const TAG_PARAMS = ['tags', 'tags-any', 'not-tags', 'not-tags-any'] as const;

/** The query string of a list call: empty values left out, tag lists joined. */
export function listParams(filters: ServerListFilters = {}): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if ((TAG_PARAMS as readonly string[]).includes(key)) {
      const tags = (value as string[]).filter(Boolean);
      if (tags.length) params[key] = tags.join(',');
      continue;
    }
    params[key] = value === true ? 1 : (value as string | number);
  }
  return params;
}

export interface ServerPage<T> {
  servers: T[];
  /** Marker of the next page; null on the last one. */
  nextMarker: string | null;
}

/** List Servers Detail (spec 4.10). */
export async function listServers(
  target: ComputeTarget,
  filters: ServerListFilters = {},
  signal?: AbortSignal,
): Promise<ServerPage<Server>> {
  const body = await computeRequest(target, {
    path: '/servers/detail',
    params: listParams(filters),
    schema: serverListResponseSchema,
    signal,
  });
  return { servers: body.servers, nextMarker: nextMarker(body.servers_links) };
}

/** List Servers (spec 4.9): id and name only — the list's light export (`export.ts`). */
export async function listServerSummaries(
  target: ComputeTarget,
  filters: ServerListFilters = {},
  signal?: AbortSignal,
): Promise<ServerPage<ServerSummary>> {
  const body = await computeRequest(target, {
    path: '/servers',
    params: listParams(filters),
    schema: serverSummaryListResponseSchema,
    signal,
  });
  return { servers: body.servers, nextMarker: nextMarker(body.servers_links) };
}

/** Get Server Detail (spec 4.8) at the negotiated microversion. */
export async function getServer(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Server> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}`, schema: serverEnvelopeSchema, signal });
  return body.server;
}

/** Create Server (spec 4.2). */
export async function createServer(target: ComputeTarget, body: CreateServerBody): Promise<CreatedServer> {
  const answer = await computeRequest(target, {
    method: 'post',
    path: '/servers',
    data: body,
    schema: createServerResponseSchema,
  });
  return answer.server;
}

/** Update Server (spec 4.6): rename; description from 2.19. */
export async function updateServer(target: ComputeTarget, id: string, changes: UpdateServerRequest): Promise<Server> {
  const body = await computeRequest(target, {
    method: 'put',
    path: encodePath`/servers/${id}`,
    data: { server: changes },
    schema: z.object({ server: serverEnvelopeSchema.shape.server.partial().extend({ id: z.string() }) }),
  });
  return body.server as Server;
}

/** Delete Server (spec 4.7): 204, the server goes through deleting. */
export async function deleteServer(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { method: 'delete', path: encodePath`/servers/${id}`, schema: z.unknown() });
}

/** The body of a chapter-5 action: `serverActionBody('reboot', {type: 'HARD'})`. */
export function serverActionBody<K extends ServerActionName>(action: K, arg: ServerActionBodies[K]): ServerActionBody {
  return { [action]: arg } as unknown as ServerActionBody;
}

/** POST /servers/{id}/action with any chapter-5 body; the answer as sent (most have none). */
export async function serverAction(target: ComputeTarget, id: string, body: ServerActionBody): Promise<unknown> {
  return computeRequest(target, {
    method: 'post',
    path: encodePath`/servers/${id}/action`,
    data: body,
    schema: z.unknown(),
  });
}

// Typed helpers, one per action of chapter 5.

export const rebootServer = (t: ComputeTarget, id: string, type: 'SOFT' | 'HARD' = 'SOFT') =>
  serverAction(t, id, { reboot: { type } }).then(() => undefined);
export const stopServer = (t: ComputeTarget, id: string, type?: 'SOFT' | 'HARD') =>
  serverAction(t, id, { 'os-stop': type ? { type } : null }).then(() => undefined);
export const startServer = (t: ComputeTarget, id: string) =>
  serverAction(t, id, { 'os-start': null }).then(() => undefined);
export const lockServer = (t: ComputeTarget, id: string) => serverAction(t, id, { lock: null }).then(() => undefined);
export const unlockServer = (t: ComputeTarget, id: string) => serverAction(t, id, { unlock: null }).then(() => undefined);
export const resizeServer = (t: ComputeTarget, id: string, flavorRef: string) =>
  serverAction(t, id, { resize: { flavorRef } }).then(() => undefined);
export const confirmResize = (t: ComputeTarget, id: string) =>
  serverAction(t, id, { confirmResize: null }).then(() => undefined);
export const revertResize = (t: ComputeTarget, id: string) =>
  serverAction(t, id, { revertResize: null }).then(() => undefined);
export const createServerImage = (t: ComputeTarget, id: string, image: ServerActionBodies['createImage']) =>
  serverAction(t, id, { createImage: image }).then(() => undefined);

/** Rebuild Server (spec 5.6): answers with the server (status REBUILD) and a new adminPass. */
export async function rebuildServer(
  target: ComputeTarget,
  id: string,
  rebuild: ServerActionBodies['rebuild'],
): Promise<Partial<Server> & { id: string }> {
  const body = await computeRequest(target, {
    method: 'post',
    path: encodePath`/servers/${id}/action`,
    data: { rebuild },
    schema: rebuildResponseSchema,
  });
  return body.server;
}

/** Show Console Output (spec 5.7): the last `length` lines, or all of them. */
export async function getConsoleOutput(target: ComputeTarget, id: string, length?: number): Promise<string> {
  const body = await computeRequest(target, {
    method: 'post',
    path: encodePath`/servers/${id}/action`,
    data: { 'os-getConsoleOutput': length === undefined ? {} : { length } },
    schema: consoleOutputSchema,
  });
  return body.output;
}

// ---- tags (chapter 23, microversion 2.26) -------------------------------------------------

export async function getServerTags(target: ComputeTarget, id: string): Promise<string[]> {
  return (await computeRequest(target, { path: encodePath`/servers/${id}/tags`, schema: tagsResponseSchema })).tags;
}

export async function replaceServerTags(target: ComputeTarget, id: string, tags: string[]): Promise<string[]> {
  const body = await computeRequest(target, {
    method: 'put',
    path: encodePath`/servers/${id}/tags`,
    data: { tags },
    schema: tagsResponseSchema,
  });
  return body.tags;
}

export async function deleteAllServerTags(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { method: 'delete', path: encodePath`/servers/${id}/tags`, schema: z.unknown() });
}

/** Add A Server Tag (23.4): 201 when new, 204 when the server had it. */
export async function addServerTag(target: ComputeTarget, id: string, tag: string): Promise<void> {
  await computeRequest(target, { method: 'put', path: encodePath`/servers/${id}/tags/${tag}`, schema: z.unknown() });
}

/** Check Tag Existence (23.5): true on 204, false on 404. */
export async function hasServerTag(target: ComputeTarget, id: string, tag: string): Promise<boolean> {
  try {
    await computeRequest(target, { path: encodePath`/servers/${id}/tags/${tag}`, schema: z.unknown() });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export async function deleteServerTag(target: ComputeTarget, id: string, tag: string): Promise<void> {
  await computeRequest(target, { method: 'delete', path: encodePath`/servers/${id}/tags/${tag}`, schema: z.unknown() });
}

// ---- instance actions (chapter 11) ----------------------------------------------------------

/** List Server Actions (11.1), newest first as Nova orders them. */
export async function listInstanceActions(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<InstanceAction[]> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-instance-actions`,
    schema: instanceActionListSchema,
    signal,
  });
  return body.instanceActions;
}

/** Get Server Action By Request ID (11.2); events only for admins. */
export async function getInstanceAction(target: ComputeTarget, id: string, requestId: string): Promise<InstanceAction> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-instance-actions/${requestId}`,
    schema: instanceActionEnvelopeSchema,
  });
  return body.instanceAction;
}
