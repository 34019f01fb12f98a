// Choosing the compute endpoint from a token's service catalog (public interface, the
// configured region when there is one).
import { computeRootOf } from './config.ts';
import type { Catalog } from './keystone.ts';

export interface ComputeEndpoint {
  root: string;
  region: string | null;
}

export function pickComputeEndpoint(catalog: Catalog, region: string | null): ComputeEndpoint | null {
  const endpoints = catalog
    .filter((service) => service.type === 'compute')
    .flatMap((service) => service.endpoints)
    .filter((e) => (e.interface ?? 'public') === 'public');
  const chosen = region ? endpoints.find((e) => e.region_id === region || e.region === region) : endpoints[0];
  if (!chosen) return null;
  try {
    return { root: computeRootOf(chosen.url, 'the catalog compute URL'), region: chosen.region_id ?? chosen.region ?? null };
  } catch {
    return null;
  }
}
