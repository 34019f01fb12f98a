import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';

/** Chapter 10: a server's metadata, `{ "metadata": { key: value } }`. */
export const metadataResponseSchema = z.object({ metadata: z.record(z.string(), z.string()) });

/** List Metadata (10.1). */
export async function listServerMetadata(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/metadata`, schema: metadataResponseSchema, signal });
  return body.metadata;
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
};
