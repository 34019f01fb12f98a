import { z } from 'zod';
import { pageLinksSchema } from '../../lib/paging';

const count = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/**
 * A flavor as List Flavors Detail / Get Flavor Detail send it (spec 6.2, 6.3). `swap` is
 * `""` when there is none; the spec's 6.3 sample spells the disabled flag without the `d`.
 */
const flavorWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  ram: count,
  vcpus: count,
  disk: count,
  swap: z.union([z.literal(''), count]).nullable().optional(),
  'OS-FLV-EXT-DATA:ephemeral': count.nullable().optional(),
  'OS-FLV-DISABLED:disabled': z.boolean().optional(),
  'OS-FLV-DISABLED:disable': z.boolean().optional(),
  'os-flavor-access:is_public': z.boolean().optional(),
  rxtx_factor: count.nullable().optional(),
});

/** The console's flavor: the wire's extension prefixes dropped, sizes as numbers. */
const flavorSchema = flavorWireSchema.transform((f) => ({
  id: f.id,
  name: f.name,
  vcpus: f.vcpus,
  /** MB */
  ram: f.ram,
  /** GB */
  disk: f.disk,
  /** MB; 0 when the flavor has none */
  swap: f.swap === '' || f.swap === null || f.swap === undefined ? 0 : f.swap,
  /** GB */
  ephemeral: f['OS-FLV-EXT-DATA:ephemeral'] ?? 0,
  rxtxFactor: f.rxtx_factor ?? null,
  isPublic: f['os-flavor-access:is_public'] ?? true,
  disabled: f['OS-FLV-DISABLED:disabled'] ?? f['OS-FLV-DISABLED:disable'] ?? false,
}));
export type Flavor = z.output<typeof flavorSchema>;

export const flavorListResponseSchema = z.object({ flavors: z.array(flavorSchema), flavors_links: pageLinksSchema });
export const flavorResponseSchema = z.object({ flavor: flavorSchema });

/** List Flavors (6.1): id and name only. */
export const flavorSummaryListResponseSchema = z.object({
  flavors: z.array(z.object({ id: z.string(), name: z.string() })),
  flavors_links: pageLinksSchema,
});
export type FlavorSummary = { id: string; name: string };

export const extraSpecsResponseSchema = z.object({ extra_specs: z.record(z.string(), z.string()).default({}) });

/** Spec 6.1's sort keys. */
export const FLAVOR_SORT_KEYS = ['flavorid', 'name', 'memory_mb', 'vcpus', 'root_gb'] as const;
export type FlavorSortKey = (typeof FLAVOR_SORT_KEYS)[number];

/** `is_public` for admins: public only (the API's default), private only, or both (`none`). */
export type FlavorVisibility = 'true' | 'false' | 'none';

export interface FlavorFilters {
  minDisk?: number;
  minRam?: number;
  /** Honoured for admins only (spec 6.1); members always get the public flavors. */
  isPublic?: FlavorVisibility;
  sortKey?: FlavorSortKey;
  sortDir?: 'asc' | 'desc';
}
