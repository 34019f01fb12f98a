import { createContext, useContext, useMemo } from 'react';
import type { Method } from 'axios';
import type { z } from 'zod';
import { apiClient, requestIdOf } from './api-client';
import { parseResponse } from './errors';
import {
  PROXY_API_MAX_MICROVERSION,
  minMicroversion,
  supportsFeature,
  type ComputeFeature,
} from './microversion';

/** Where compute calls go for the signed-in project, and how they are versioned. */
export interface ComputeTarget {
  projectId: string;
  /** The negotiated microversion; `null` when the endpoint has no v2.1 API (legacy /v2 only). */
  microversion: string | null;
  /** The endpoint still serves the legacy `/v2` API (Nova's `v2.0` entry in `GET /`). */
  legacyAvailable: boolean;
}

/**
 * - `v2.1`: the current API, sent with the negotiated microversion.
 * - `proxy`: images, os-volumes, os-snapshots, os-networks, os-security-groups(-rules), which Nova
 *   drops at 2.36: sent to `/v2` without a microversion, or (no /v2) with at most 2.35.
 */
export type ComputeApi = 'v2.1' | 'proxy';

const COMPUTE_ROOT = '/api/compute';

/** Template tag that percent-encodes every interpolated value: encodePath`/servers/${id}`. */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce(
    (path, part, index) => path + part + (index < values.length ? encodeURIComponent(String(values[index])) : ''),
    '',
  );
}

interface Route {
  base: string;
  microversion: string | null;
}

function routeFor(target: ComputeTarget, api: ComputeApi): Route {
  const project = encodeURIComponent(target.projectId);
  const legacy: Route = { base: `${COMPUTE_ROOT}/v2/${project}`, microversion: null };
  if (!target.microversion) return legacy;
  if (api === 'proxy') {
    if (target.legacyAvailable) return legacy;
    return {
      base: `${COMPUTE_ROOT}/v2.1/${project}`,
      microversion: minMicroversion(target.microversion, PROXY_API_MAX_MICROVERSION),
    };
  }
  return { base: `${COMPUTE_ROOT}/v2.1/${project}`, microversion: target.microversion };
}

/**
 * The part of a query key that says whose data it is and in which shape: the project and the
 * microversion. Every compute query key carries it (`['servers', 'list', scopeOf(t), filters]`),
 * so a project switch can never show or refetch the previous project's data under a new scope.
 */
export function scopeOf(target: ComputeTarget): { project: string; microversion: string | null } {
  return { project: target.projectId, microversion: target.microversion };
}

function microversionHeaders(microversion: string | null): Record<string, string> {
  if (!microversion) return {};
  return {
    'X-OpenStack-Nova-API-Version': microversion,
    'OpenStack-API-Version': `compute ${microversion}`,
  };
}

/**
 * Where a call goes (`/api/compute/v2.1/{project}/servers`) and the microversion headers it
 * carries: what computeRequest sends, and what a request preview shows.
 */
export function computeCall(target: ComputeTarget, path: string, api: ComputeApi = 'v2.1'): { url: string; headers: Record<string, string> } {
  const route = routeFor(target, api);
  return { url: `${route.base}${path}`, headers: microversionHeaders(route.microversion) };
}

export interface ComputeRequest<S extends z.ZodType> {
  method?: Method;
  /** Path after `/{project_id}`, built with `encodePath`. */
  path: string;
  api?: ComputeApi;
  params?: Record<string, unknown>;
  data?: unknown;
  /** Parses the response body; use `z.unknown()` for empty (204/202) answers. */
  schema: S;
  signal?: AbortSignal;
}

/** One compute API call: right base path and microversion headers in, zod-parsed body out. */
export async function computeRequest<S extends z.ZodType>(
  target: ComputeTarget,
  request: ComputeRequest<S>,
): Promise<z.output<S>> {
  const { url, headers } = computeCall(target, request.path, request.api);
  const method = request.method ?? 'get';
  const response = await apiClient.request({
    method,
    url,
    params: request.params,
    data: request.data,
    headers,
    signal: request.signal,
  });
  return parseResponse(request.schema, response.data, { method, url, requestId: requestIdOf(response) });
}

export interface Compute extends ComputeTarget {
  /** Whether the negotiated microversion has the feature. */
  supports: (feature: ComputeFeature) => boolean;
}

/** Provided by the app shell once the session and the endpoint's versions are known. */
export const ComputeContext = createContext<ComputeTarget | null>(null);

export function useCompute(): Compute {
  const target = useContext(ComputeContext);
  if (!target) throw new Error('useCompute() needs the ComputeContext of the app shell');
  return useMemo(
    () => ({ ...target, supports: (feature: ComputeFeature) => supportsFeature(target.microversion, feature) }),
    [target],
  );
}
