import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { nextMarker, PAGE_LIMIT, readAllPages } from '../../lib/paging';
import {
  extraSpecsResponseSchema,
  flavorListResponseSchema,
  flavorResponseSchema,
  flavorSummaryListResponseSchema,
  type Flavor,
  type FlavorFilters,
  type FlavorSummary,
} from './schemas';

/** The query string of spec 6.1/6.2: only what is set. */
function flavorListParams(filters: FlavorFilters = {}): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (filters.minDisk !== undefined) params.minDisk = filters.minDisk;
  if (filters.minRam !== undefined) params.minRam = filters.minRam;
  if (filters.isPublic) params.is_public = filters.isPublic;
  if (filters.sortKey) params.sort_key = filters.sortKey;
  if (filters.sortDir) params.sort_dir = filters.sortDir;
  return params;
}

/** List Flavors Detail (6.2), every page, filtered and sorted by the API. */
export async function listFlavors(target: ComputeTarget, filters: FlavorFilters = {}, signal?: AbortSignal): Promise<Flavor[]> {
  return readAllPages(async (marker) => {
    const body = await computeRequest(target, {
      path: '/flavors/detail',
      params: { ...flavorListParams(filters), limit: PAGE_LIMIT, ...(marker ? { marker } : {}) },
      schema: flavorListResponseSchema,
      signal,
    });
    return { items: body.flavors, nextMarker: nextMarker(body.flavors_links) };
  });
}

/** List Flavors (6.1): ids and names, to name the flavor behind an id wherever one appears. */
export async function listFlavorSummaries(target: ComputeTarget, signal?: AbortSignal): Promise<FlavorSummary[]> {
  return readAllPages(async (marker) => {
    const body = await computeRequest(target, {
      path: '/flavors',
      params: { limit: PAGE_LIMIT, ...(marker ? { marker } : {}) },
      schema: flavorSummaryListResponseSchema,
      signal,
    });
    return { items: body.flavors, nextMarker: nextMarker(body.flavors_links) };
  });
}

/** Get Flavor Detail (6.3). */
export async function getFlavor(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Flavor> {
  return (await computeRequest(target, { path: encodePath`/flavors/${id}`, schema: flavorResponseSchema, signal })).flavor;
}

/** List Extra Specs For A Flavor (6.4). */
export async function getFlavorExtraSpecs(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const body = await computeRequest(target, { path: encodePath`/flavors/${id}/os-extra_specs`, schema: extraSpecsResponseSchema, signal });
  return body.extra_specs;
}
