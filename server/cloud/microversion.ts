import { NovaError, badRequest } from './errors.ts';

/**
 * The compute microversions this cloud implements. 2.26 is the last one whose
 * changes the spec describes (tags); every behaviour change up to it is implemented
 * (2.2 keypair type and codes, 2.3/2.9/2.16/2.19/2.26 server fields, 2.13 server
 * group owner fields). Later versions are refused with 406 rather than half-served.
 */
export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.26';

export class Microversion {
  constructor(readonly major: number, readonly minor: number) {}

  static parse(text: string): Microversion {
    const m = /^(\d+)\.(\d+)$/.exec(text.trim());
    if (!m) throw badRequest(`Invalid API version request: ${text}`);
    return new Microversion(Number(m[1]), Number(m[2]));
  }

  /** True when this version is at least `v` ("2.26"). */
  atLeast(v: string): boolean {
    const o = Microversion.parse(v);
    return this.major > o.major || (this.major === o.major && this.minor >= o.minor);
  }

  atMost(v: string): boolean {
    const o = Microversion.parse(v);
    return this.major < o.major || (this.major === o.major && this.minor <= o.minor);
  }

  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}

export const BASE = Microversion.parse(MIN_VERSION);
const MIN = BASE;
const MAX = Microversion.parse(MAX_VERSION);

/**
 * Reads the requested version from `OpenStack-API-Version: compute X` (preferred, as Nova
 * does) or `X-OpenStack-Nova-API-Version: X`. No header → 2.1; `latest` → the maximum.
 */
export function negotiate(headers: Record<string, string | string[] | undefined>): Microversion {
  const pick = (h: string | string[] | undefined) => (Array.isArray(h) ? h.join(',') : h);
  let requested: string | undefined;
  const generic = pick(headers['openstack-api-version']);
  if (generic) {
    for (const part of generic.split(',')) {
      const [service, version] = part.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute' && version) requested = version;
    }
  }
  requested ??= pick(headers['x-openstack-nova-api-version']);
  if (!requested) return MIN;
  if (requested.trim().toLowerCase() === 'latest') return MAX;
  const v = Microversion.parse(requested);
  if (!v.atLeast(MIN_VERSION) || !v.atMost(MAX_VERSION)) {
    throw new NovaError(
      406,
      `Version ${v} is not supported by the API. Minimum is ${MIN_VERSION} and maximum is ${MAX_VERSION}.`,
    );
  }
  return v;
}
export { MAX };
