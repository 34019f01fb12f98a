/**
 * Compute API microversions: parsing, comparison, negotiation, and which console features
 * need which microversion. Pure functions; the compute context applies the result.
 */

/** The highest microversion whose request and response shapes this console understands. */
export const CLIENT_MAX_MICROVERSION = '2.26';
/** Nova serves the proxy APIs (images, os-volumes, os-networks, os-security-groups ...) up to 2.35. */
export const PROXY_API_MAX_MICROVERSION = '2.35';

type Microversion = readonly [major: number, minor: number];

function parseMicroversion(value: string | null | undefined): Microversion | null {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(value ?? '');
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** Negative when a < b, zero when equal, positive when a > b. Unparseable values sort lowest. */
export function compareMicroversions(a: string, b: string): number {
  const pa = parseMicroversion(a);
  const pb = parseMicroversion(b);
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  return pa[0] - pb[0] || pa[1] - pb[1];
}

export function minMicroversion(a: string, b: string): string {
  return compareMicroversions(a, b) <= 0 ? a : b;
}

export interface ServerMicroversionRange {
  /** `min_version` of the v2.1 version document; '' when the endpoint has no microversions. */
  min: string;
  /** `version` of the v2.1 version document; '' when the endpoint has no microversions. */
  max: string;
}

/**
 * The highest microversion both sides support: min(server max, client max), provided the
 * server's minimum is not above what the client understands. `null` when there is none.
 * An endpoint whose v2.1 document carries no microversions speaks plain 2.1.
 */
export function negotiateMicroversion(
  server: ServerMicroversionRange,
  clientMax: string = CLIENT_MAX_MICROVERSION,
): string | null {
  const serverMax = parseMicroversion(server.max) ? server.max : '2.1';
  const serverMin = parseMicroversion(server.min) ? server.min : '2.1';
  if (compareMicroversions(serverMin, clientMax) > 0) return null;
  const chosen = minMicroversion(serverMax, clientMax);
  return compareMicroversions(chosen, serverMin) >= 0 ? chosen : null;
}

/** Console features that depend on a microversion, with the first microversion that has them. */
export const computeFeatures = {
  'keypair-type': '2.2',
  'extended-server-attributes': '2.3',
  'server-locked': '2.9',
  'host-status': '2.16',
  'server-description': '2.19',
  'server-tags': '2.26',
} as const satisfies Record<string, string>;

export type ComputeFeature = keyof typeof computeFeatures;

export function supportsFeature(microversion: string | null, feature: ComputeFeature): boolean {
  if (!microversion) return false;
  return compareMicroversions(microversion, computeFeatures[feature]) >= 0;
}
