import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';
import { isNotFound } from '../../lib/errors';

/** Chapter 10: a server's metadata, `{ "metadata": { key: value } }`. */
export const metadataResponseSchema = z.object({ metadata: z.record(z.string(), z.string()) });

/** List Metadata (10.1). */
export async function listServerMetadata(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/metadata`, schema: metadataResponseSchema, signal });
  return body.metadata;
}

/** Show Metadata Item (10.4): the key's value on the server now, or null when the key is not there (404). */
export async function getServerMetadataItem(target: ComputeTarget, id: string, key: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const body = await computeRequest(target, { path: encodePath`/servers/${id}/metadata/${key}`, schema: metadataWriteSchemas.item, signal });
    return body.meta[key] ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Writes answer with the metadata as it is now (10.2, 10.3) or the one item (10.5). */
export const metadataWriteSchemas = {
  all: metadataResponseSchema,
  item: z.object({ meta: z.record(z.string(), z.string()) }),
  none: z.unknown(),
};

export const serverMetadataQueries = {
  /** Under the server's detail key: invalidating the detail refreshes it too. */
  list: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'metadata'] as const,
      queryFn: ({ signal }) => listServerMetadata(target, id, signal),
    }),
  /** One item read afresh, e.g. when its edit dialog opens: another user may have changed it. */
  item: (target: ComputeTarget, id: string, key: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'metadata', key] as const,
      queryFn: ({ signal }) => getServerMetadataItem(target, id, key, signal),
      staleTime: 0,
    }),
};
