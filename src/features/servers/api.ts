/**
 * The servers API (spec chapters 4, 9–13, 17, 22, 23) as typed functions: every read of a server
 * and of its parts, unwrapped from Nova's envelope, and sendServerRequest, the one way a write
 * defined in requests.ts goes out (with describeServerRequest, its preview).
 */
import { z } from 'zod';
import type { ApiRequestDescription } from '../../components/api-request-preview';
import { computeCall, computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { isNotFound } from '../../lib/errors';
import { nextMarker } from '../../lib/paging';
import { serverRequests, type ServerRequest } from './requests';
import {
  addressesSchema,
  consoleOutputSchema,
  instanceActionEnvelopeSchema,
  instanceActionListSchema,
  interfaceEnvelopeSchema,
  interfaceListSchema,
  metadataItemResponseSchema,
  metadataResponseSchema,
  passwordResponseSchema,
  serverEnvelopeSchema,
  serverListResponseSchema,
  serverSecurityGroupListSchema,
  serverSummaryListResponseSchema,
  tagsResponseSchema,
  volumeAttachmentListSchema,
  type AddressesByNetwork,
  type InstanceAction,
  type InterfaceAttachment,
  type Server,
  type ServerSecurityGroup,
  type ServerSummary,
  type VolumeAttachment,
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
  /** With all_tenants: one project's servers (Nova takes `project_id` or `tenant_id`). */
  project_id?: string;
  /** Admins only: deleted servers. */
  deleted?: boolean;
  /** The servers of one multi-create (Nova's filter, for members too). */
  reservation_id?: string;
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

// ---- tags (chapter 23, microversion 2.26) -------------------------------------------------

/** Get Server Tags (23.1). */
export async function getServerTags(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<string[]> {
  return (await computeRequest(target, { path: encodePath`/servers/${id}/tags`, schema: tagsResponseSchema, signal })).tags;
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
export async function getInstanceAction(target: ComputeTarget, id: string, requestId: string, signal?: AbortSignal): Promise<InstanceAction> {
  const body = await computeRequest(target, {
    path: encodePath`/servers/${id}/os-instance-actions/${requestId}`,
    schema: instanceActionEnvelopeSchema,
    signal,
  });
  return body.instanceAction;
}

// ---- a server's parts ------------------------------------------------------------------------

/** Show Console Output (5.7), a POST: the last `length` lines (all when undefined). */
export async function getConsoleOutput(target: ComputeTarget, id: string, length?: number): Promise<string> {
  return (await sendServerRequest(target, serverRequests.consoleOutput(id, length), consoleOutputSchema)).output;
}

/** List IPs (9.1): addresses by network name. */
export async function listServerIps(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<AddressesByNetwork> {
  return (await computeRequest(target, { path: encodePath`/servers/${id}/ips`, schema: addressesSchema, signal })).addresses;
}

/** List Metadata (10.1). */
export async function listServerMetadata(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  return (await computeRequest(target, { path: encodePath`/servers/${id}/metadata`, schema: metadataResponseSchema, signal })).metadata;
}

/** Show Metadata Item (10.4): the key's value on the server now, or null when the key is not there (404). */
export async function getServerMetadataItem(target: ComputeTarget, id: string, key: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const body = await computeRequest(target, { path: encodePath`/servers/${id}/metadata/${key}`, schema: metadataItemResponseSchema, signal });
    return body.meta[key] ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** List Attached Volumes (12.3). */
export async function listVolumeAttachments(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<VolumeAttachment[]> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-volume_attachments`, schema: volumeAttachmentListSchema, signal });
  return body.volumeAttachments;
}

/** List Port Interfaces (13.3), in the order the cloud keeps them: the first is the primary NIC. */
export async function listInterfaces(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<InterfaceAttachment[]> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-interface`, schema: interfaceListSchema, signal });
  return body.interfaceAttachments;
}

/** Show Port Interface Details (13.4): one port as the cloud sees it now. */
export async function getInterface(target: ComputeTarget, id: string, portId: string, signal?: AbortSignal): Promise<InterfaceAttachment> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-interface/${portId}`, schema: interfaceEnvelopeSchema, signal });
  return body.interfaceAttachment;
}

/** Show Server Password (17.1): base64 ciphertext; '' when none was posted or it was cleared. */
export async function getServerPassword(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<string> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-server-password`, schema: passwordResponseSchema, signal });
  return body.password ?? '';
}

/** List Server Security Groups (22.6), with their rules. */
export async function listServerSecurityGroups(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<ServerSecurityGroup[]> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-security-groups`, schema: serverSecurityGroupListSchema, signal });
  return body.security_groups;
}

// ---- writes -------------------------------------------------------------------------------

/** Sends one request of requests.ts: the one way a server write goes out; `schema` parses the answer. */
export function sendServerRequest<S extends z.ZodType>(target: ComputeTarget, request: ServerRequest, schema: S): Promise<z.output<S>> {
  return computeRequest(target, { method: request.method, path: request.path, data: request.body, schema });
}

/** What a preview shows: exactly what sendServerRequest sends, the path as the cloud sees it (`/v2.1/{project_id}/…`). */
export function describeServerRequest(target: ComputeTarget, request: ServerRequest): ApiRequestDescription {
  const { url, headers } = computeCall(target, request.path);
  return {
    method: request.method.toUpperCase(),
    path: url.replace(/^\/api\/compute/, ''),
    body: request.body,
    headers: Object.keys(headers).length ? headers : undefined,
    cli: request.cli,
  };
}
