import type { RequestContext } from '../context.ts';
import type { Network } from '../repositories/networks.ts';

/** Fields Nova's network_dict shows to everyone; Neutron networks carry only id and label, so the rest is null. */
const PUBLIC_FIELDS = ['cidr', 'netmask', 'gateway', 'broadcast', 'dns1', 'dns2', 'cidr_v6', 'gateway_v6', 'netmask_v6'];
/** network_dict's admin_fields: all null for a Neutron network except what Neutron has. */
const ADMIN_FIELDS = [
  'bridge', 'bridge_interface', 'created_at', 'deleted', 'deleted_at', 'dhcp_start', 'enable_dhcp', 'dhcp_server', 'host',
  'injected', 'mtu', 'multi_host', 'priority', 'project_id', 'rxtx_base', 'share_address', 'updated_at', 'vlan',
  'vpn_private_address', 'vpn_public_address', 'vpn_public_port',
];

/**
 * Section 21.1: the spec (and Nova over Neutron) shows only id and label; every other
 * field is null even though the network has a CIDR and gateway (the console reads those
 * through interfaces and addresses). Admins see network_dict's admin fields, of which
 * Neutron fills project_id, mtu and the times.
 */
export function networkView(ctx: RequestContext, n: Network) {
  const view: Record<string, unknown> = { id: n.id, label: n.label };
  for (const f of PUBLIC_FIELDS) view[f] = null;
  if (ctx.isAdmin) {
    for (const f of ADMIN_FIELDS) view[f] = null;
    Object.assign(view, { project_id: n.project_id, mtu: n.mtu, created_at: n.created_at, updated_at: n.updated_at, deleted: false });
  }
  return view;
}
