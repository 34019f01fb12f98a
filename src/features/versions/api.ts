import { apiClient, requestIdOf } from '../../lib/api-client';
import { parseResponse } from '../../lib/errors';
import { negotiateMicroversion } from '../../lib/microversion';
import {
  gatewayVersionsSchema,
  versionResponseSchema,
  versionsResponseSchema,
  type ApiVersion,
  type ComputeDiscovery,
} from './schemas';

const ROOT = '/api/compute/';

/** Nova answers the version list with 200, some deployments with 300 Multiple Choices. */
const acceptMultipleChoices = (status: number) => (status >= 200 && status < 300) || status === 300;

/** `GET /` — every API version of the endpoint (spec 3.3). */
export async function listVersions(): Promise<ApiVersion[]> {
  const response = await apiClient.get(ROOT, { validateStatus: acceptMultipleChoices });
  const body = parseResponse(versionsResponseSchema, response.data, {
    method: 'get',
    url: ROOT,
    requestId: requestIdOf(response),
  });
  return body.versions;
}

/** Path segment of a version id: `v2.0` is served at `/v2`, `v2.1` at `/v2.1`. */
function versionPath(id: string): string {
  return id === 'v2.0' ? 'v2' : id;
}

/** `GET /{api_version}/` — one version document (spec 3.4). The trailing slash avoids Nova's redirect. */
export async function getVersion(id: string): Promise<ApiVersion> {
  const url = `${ROOT}${encodeURIComponent(versionPath(id))}/`;
  const response = await apiClient.get(url);
  return parseResponse(versionResponseSchema, response.data, { method: 'get', url, requestId: requestIdOf(response) })
    .version;
}

const hasV21 = (versions: ApiVersion[]) => versions.some((version) => version.id === 'v2.1');

/** What the console will speak, given `GET /` and the v2.1 document. */
function negotiate(versions: ApiVersion[], current: ApiVersion | null): ComputeDiscovery {
  const legacyAvailable = versions.some((version) => version.id === 'v2.0' || version.id === 'v2');
  const microversion = current ? negotiateMicroversion({ min: current.min_version, max: current.version }) : null;
  return { versions, current, microversion, legacyAvailable, incompatible: Boolean(current) && !microversion };
}

/** Reads the versions from the endpoint and negotiates the microversion the console will send. */
export async function discoverCompute(): Promise<ComputeDiscovery> {
  const versions = await listVersions();
  return negotiate(versions, hasV21(versions) ? await getVersion('v2.1') : null);
}

/**
 * The same, from the documents the gateway discovered and handed over with the session, so
 * the first page needs no call before its own. Null when the gateway had none (or sent
 * something else): the page then discovers for itself.
 */
export function discoveryFromSession(documents: unknown): ComputeDiscovery | null {
  const parsed = gatewayVersionsSchema.safeParse(documents);
  if (!parsed.success || (hasV21(parsed.data.versions) && !parsed.data.current)) return null;
  return negotiate(parsed.data.versions, parsed.data.current);
}
