import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { networkAddressesResponseSchema, networkListResponseSchema, type Network } from './schemas';

/** List Networks (21.1), a proxy API (≤ 2.35 or /v2); not paged. */
export async function listNetworks(target: ComputeTarget, signal?: AbortSignal): Promise<Network[]> {
  return (await computeRequest(target, { api: 'proxy', path: '/os-networks', schema: networkListResponseSchema, signal })).networks;
}

/** Show IP Details (9.2): a server's addresses on one network, by the network's label. */
export async function getServerAddressesOn(target: ComputeTarget, serverId: string, label: string, signal?: AbortSignal): Promise<string[]> {
  const body = await computeRequest(target, { path: encodePath`/servers/${serverId}/ips/${label}`, schema: networkAddressesResponseSchema, signal });
  return (body[label] ?? Object.values(body)[0] ?? []).map((a) => a.addr);
}
