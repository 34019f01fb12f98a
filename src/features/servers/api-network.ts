import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { computeRequest, encodePath, scopeOf, type ComputeTarget } from '../../lib/compute';
import { serverAddressSchema } from './schemas';

/** 13.3 / 13.4: one port of the server. */
export const interfaceAttachmentSchema = z.object({
  port_id: z.string(),
  net_id: z.string(),
  mac_addr: z.string().nullable().optional(),
  port_state: z.string().nullable().optional(),
  fixed_ips: z.array(z.object({ ip_address: z.string(), subnet_id: z.string().nullable().optional() })).default([]),
});
export type InterfaceAttachment = z.infer<typeof interfaceAttachmentSchema>;

export const interfaceListSchema = z.object({ interfaceAttachments: z.array(interfaceAttachmentSchema) });
export const interfaceEnvelopeSchema = z.object({ interfaceAttachment: interfaceAttachmentSchema });

/** List Port Interfaces (13.3), in the order the cloud keeps them: the first is the primary NIC. */
export async function listInterfaces(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<InterfaceAttachment[]> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-interface`, schema: interfaceListSchema, signal });
  return body.interfaceAttachments;
}

/** Show Port Interface Details (13.4): one port as the cloud sees it now. */
export async function getInterface(target: ComputeTarget, id: string, portId: string, signal?: AbortSignal): Promise<InterfaceAttachment> {
  const body = await computeRequest(target, { path: encodePath`/servers/${id}/os-interface/${portId}`, schema: interfaceEnvelopeSchema, signal });
  return body.interfaceAttachment;
}

export const addressesSchema = z.object({ addresses: z.record(z.string(), z.array(serverAddressSchema)) });
export type AddressesByNetwork = z.infer<typeof addressesSchema>['addresses'];

/** List IPs (9.1): addresses by network name. */
export async function listServerIps(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<AddressesByNetwork> {
  return (await computeRequest(target, { path: encodePath`/servers/${id}/ips`, schema: addressesSchema, signal })).addresses;
}

export const serverNetworkQueries = {
  interfaces: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'interfaces'] as const,
      queryFn: ({ signal }) => listInterfaces(target, id, signal),
    }),
  interface: (target: ComputeTarget, id: string, portId: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'interfaces', portId] as const,
      queryFn: ({ signal }) => getInterface(target, id, portId, signal),
      staleTime: 0,
    }),
  ips: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['servers', 'detail', scopeOf(target), id, 'ips'] as const,
      queryFn: ({ signal }) => listServerIps(target, id, signal),
    }),
};
