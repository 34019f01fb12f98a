import { z } from 'zod';

const nullableText = z.string().nullable().optional();

/**
 * A network of List Networks (spec 21.1). Over Neutron only id and label are filled; the
 * other fields are null (spec 21.1's constraint), kept in case a cloud fills them.
 */
const networkSchema = z
  .object({
    id: z.string(),
    label: z.string().nullable().optional(),
    cidr: nullableText,
    cidr_v6: nullableText,
    gateway: nullableText,
    gateway_v6: nullableText,
    netmask: nullableText,
    broadcast: nullableText,
    dns1: nullableText,
    dns2: nullableText,
  })
  .transform((n) => ({
    id: n.id,
    label: n.label ?? '',
    cidr: n.cidr ?? null,
    cidrV6: n.cidr_v6 ?? null,
    gateway: n.gateway ?? null,
    dns: [n.dns1, n.dns2].filter((d): d is string => Boolean(d)),
  }));
export type Network = z.output<typeof networkSchema>;

export const networkListResponseSchema = z.object({ networks: z.array(networkSchema) });

/** A server's `addresses` are keyed by network label: the addresses a server has on one network. */
export function addressesOn<S extends { addresses?: Record<string, Array<{ addr: string }>> }>(server: S, network: Pick<Network, 'label'>): string[] {
  return (server.addresses?.[network.label] ?? []).map((a) => a.addr);
}

/** Show IP Details (spec 9.2): `{ "<network label>": [{ addr, version }] }`. */
export const networkAddressesResponseSchema = z.record(z.string(), z.array(z.object({ addr: z.string(), version: z.number().optional() })));
