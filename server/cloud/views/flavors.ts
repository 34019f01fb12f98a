import type { RequestContext } from '../context.ts';
import type { Flavor } from '../repositories/flavors.ts';
import { resourceLinks } from './links.ts';

export const flavorSummary = (ctx: RequestContext, f: Flavor) => ({ id: f.id, name: f.name, links: resourceLinks(ctx, 'flavors', f.id) });

/** Nova's flavor view before 2.55 (no description) and 2.61 (no extra_specs); swap 0 is "". */
export function flavorDetail(ctx: RequestContext, f: Flavor) {
  return {
    id: f.id,
    name: f.name,
    ram: f.ram,
    disk: f.disk,
    swap: f.swap === 0 ? '' : f.swap,
    vcpus: f.vcpus,
    'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
    'OS-FLV-DISABLED:disabled': f.disabled,
    'os-flavor-access:is_public': f.is_public,
    rxtx_factor: f.rxtx_factor,
    links: resourceLinks(ctx, 'flavors', f.id),
  };
}
