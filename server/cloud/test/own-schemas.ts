import { z } from 'zod';
import { availabilityZoneListResponseSchema } from '../../../src/features/availability-zones/schemas.ts';
import { extraSpecsResponseSchema, flavorListResponseSchema, flavorResponseSchema, flavorSummaryListResponseSchema } from '../../../src/features/flavors/schemas.ts';
import { imageListResponseSchema, imageMetadataResponseSchema, imageResponseSchema, imageSummaryListResponseSchema } from '../../../src/features/images/schemas.ts';
import { createdKeypairResponseSchema, keypairDetailResponseSchema, keypairListResponseSchema } from '../../../src/features/keypairs/schemas.ts';
import { absoluteLimitsSchema, limitsResponseSchema } from '../../../src/features/limits/schemas.ts';
import { networkAddressesResponseSchema } from '../../../src/features/networks/schemas.ts';
import { quotaSetResponseSchema, quotaSetSchema } from '../../../src/features/quotas/schemas.ts';
import { securityGroupListResponseSchema, securityGroupResponseSchema, securityGroupRuleResponseSchema } from '../../../src/features/security-groups/schemas.ts';
import { serverGroupListResponseSchema, serverGroupResponseSchema } from '../../../src/features/server-groups/schemas.ts';
import {
  addressesSchema,
  consoleOutputSchema,
  createServerResponseSchema,
  instanceActionEnvelopeSchema,
  instanceActionListSchema,
  interfaceEnvelopeSchema,
  interfaceListSchema,
  metadataItemResponseSchema,
  metadataResponseSchema,
  serverEnvelopeSchema,
  serverListResponseSchema,
  serverSecurityGroupListSchema,
  serverSummaryListResponseSchema,
  tagsResponseSchema,
  volumeAttachmentListSchema,
} from '../../../src/features/servers/schemas.ts';
import { snapshotListResponseSchema, snapshotResponseSchema } from '../../../src/features/snapshots/schemas.ts';
import { versionResponseSchema, versionsResponseSchema } from '../../../src/features/versions/schemas.ts';
import { volumeAttachmentResponseSchema, volumeListResponseSchema, volumeResponseSchema, volumeSummaryListResponseSchema } from '../../../src/features/volumes/schemas.ts';

/**
 * The project's own response contract of the embedded cloud, by the operation names the tests
 * give `expectContract` (tempest's names, so that the optional tempest suite reads the same
 * calls). A body must satisfy every schema listed: first the SPA's own schemas for that
 * response, every one of its readers (the console and the cloud agree), then small schemas for
 * what the console relies on where the SPA's are lenient (fields it defaults, or that appear
 * at a microversion).
 */
export interface OwnContract {
  status: readonly number[];
  body: readonly z.ZodType[] | 'empty';
}

/** A contract, or one that depends on the request's microversion (`minor` of 2.x; 1 when none was asked). */
export type OwnContractEntry = OwnContract | ((minor: number) => OwnContract);

const empty = (...status: number[]): OwnContract => ({ status, body: 'empty' });
const json = (status: number, ...body: z.ZodType[]): OwnContract => ({ status: [status], body });

/**
 * Fields an object gains at a microversion: `required` ones are always sent from it, `optional`
 * ones only to some callers (admins) or in some states; none is ever sent below its version.
 */
function fieldsSince(minor: number, required: Record<string, number>, optional: Record<string, number> = {}) {
  return z.looseObject({}).superRefine((value, ctx) => {
    for (const [field, since] of Object.entries({ ...required, ...optional })) {
      if (minor < since && field in value) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is sent only from 2.${since}, not at 2.${minor}` });
    }
    for (const [field, since] of Object.entries(required)) {
      if (minor >= since && !(field in value)) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required from 2.${since}` });
    }
  });
}

const text = z.string();
const linkSchema = z.object({ href: text, rel: text });
/** A zone as the wizard and the zones page read it. */
const zoneSchema = z.object({ zoneName: text, zoneState: z.object({ available: z.boolean() }) });
const nullableText = z.string().nullable();
const stringMap = z.record(z.string(), z.string());

// ---- servers (chapters 4, 5) -------------------------------------------------------------

/** Nova's basic server view (also the answer of update and rebuild): what the SPA would default. */
const serverBasic = z.object({
  tenant_id: text,
  user_id: text,
  metadata: stringMap,
  addresses: z.record(z.string(), z.array(z.object({ addr: text, version: z.number() }))),
  image: z.union([z.object({ id: text }), z.literal('')]),
  links: z.array(linkSchema).min(1),
});

/** The detail view adds the state, zone and key pair that the list and the server page show. */
const serverDetail = serverBasic.extend({
  key_name: nullableText,
  'OS-EXT-AZ:availability_zone': text,
  'OS-EXT-STS:vm_state': text,
  'OS-EXT-STS:task_state': nullableText,
  'OS-EXT-STS:power_state': z.number().int(),
});

/** Microversion fields of a server view (docs/cloud-servers.md): 2.9 locked, 2.19 description, 2.26 tags; 2.3 and 2.16 admin-only. */
const serverFields = (minor: number) =>
  fieldsSince(
    minor,
    { locked: 9, description: 19, tags: 26 },
    {
      'OS-EXT-SRV-ATTR:hostname': 3,
      'OS-EXT-SRV-ATTR:reservation_id': 3,
      'OS-EXT-SRV-ATTR:launch_index': 3,
      'OS-EXT-SRV-ATTR:kernel_id': 3,
      'OS-EXT-SRV-ATTR:ramdisk_id': 3,
      'OS-EXT-SRV-ATTR:root_device_name': 3,
      'OS-EXT-SRV-ATTR:user_data': 3,
      host_status: 16,
    },
  );
const oneServer = (minor: number, view: z.ZodType = serverDetail) => [serverEnvelopeSchema, z.object({ server: view }), z.object({ server: serverFields(minor) })];

const servers: Record<string, OwnContractEntry> = {
  'servers.list_servers': json(200, serverSummaryListResponseSchema, z.object({ servers: z.array(z.object({ links: z.array(linkSchema).min(1) })) })),
  'servers.list_servers_detail': (minor) =>
    json(200, serverListResponseSchema, z.object({ servers: z.array(serverDetail) }), z.object({ servers: z.array(serverFields(minor)) })),
  'servers.get_server': (minor) => json(200, ...oneServer(minor)),
  // Update and rebuild answer with the basic view, which the SPA takes as a whole Server.
  'servers.update_server': (minor) => json(200, ...oneServer(minor, serverBasic)),
  // The console shows the generated password once: it must be there.
  'servers.create_server_with_admin_pass': json(202, createServerResponseSchema, z.object({ server: z.object({ adminPass: text, links: z.array(linkSchema).min(1) }) })),
  'servers.rebuild_server_with_admin_pass': (minor) =>
    json(202, ...oneServer(minor, serverBasic), z.object({ server: z.object({ adminPass: text, status: z.literal('REBUILD') }) })),
  'servers.delete_server': empty(204),
  'servers.server_actions_common_schema': empty(202),
  'servers.server_actions_confirm_resize': empty(204),
  'servers.get_console_output': json(200, consoleOutputSchema),
  'images.create_image': empty(202),

  // ---- addresses, metadata, instance actions, volume attachments, interfaces (9–13) ----------
  'servers.list_addresses': json(200, addressesSchema),
  // One network's addresses, keyed by its label (9.2).
  'servers.list_addresses_by_network': json(
    200,
    networkAddressesResponseSchema,
    z.record(z.string(), z.array(z.object({ addr: text, version: z.number() }))).refine((body) => Object.keys(body).length === 1, 'exactly one network'),
  ),
  'servers.list_server_metadata': json(200, metadataResponseSchema),
  'servers.set_server_metadata': json(200, metadataResponseSchema),
  'servers.update_server_metadata': json(200, metadataResponseSchema),
  'servers.set_show_server_metadata_item': json(
    200,
    metadataItemResponseSchema,
    z.object({ meta: stringMap.refine((meta) => Object.keys(meta).length === 1, 'exactly one item') }),
  ),
  'servers.delete_server_metadata_item': empty(204),
  'servers.list_instance_actions': json(200, instanceActionListSchema, z.object({ instanceActions: z.array(z.object({ instance_uuid: text, user_id: text, project_id: text })) })),
  // Events are shown to admins only (11.2), so they are the SPA's optional field.
  'servers.show_instance_action': json(200, instanceActionEnvelopeSchema, z.object({ instanceAction: z.object({ instance_uuid: text, user_id: text, project_id: text }) })),
  'servers.attach_volume': json(200, volumeAttachmentResponseSchema, z.object({ volumeAttachment: z.object({ serverId: text, device: text }) })),
  'servers.detach_volume': empty(202),
  'servers.list_volume_attachments': json(200, volumeAttachmentListSchema, z.object({ volumeAttachments: z.array(z.object({ serverId: text, device: text })) })),
  'servers.show_volume_attachment': json(200, volumeAttachmentResponseSchema, z.object({ volumeAttachment: z.object({ serverId: text, device: text }) })),
  'interfaces.list_interfaces': json(200, interfaceListSchema, z.object({ interfaceAttachments: z.array(z.object({ mac_addr: text, port_state: text, fixed_ips: z.array(z.unknown()).min(1) })) })),
  'interfaces.get_create_interfaces': json(200, interfaceEnvelopeSchema, z.object({ interfaceAttachment: z.object({ mac_addr: text, port_state: text, fixed_ips: z.array(z.unknown()).min(1) }) })),
  'interfaces.delete_interface': empty(202),

  // ---- server password (17), tags (23, from 2.26) --------------------------------------------
  // The SPA reads it inline (getServerPassword): a string, '' when there is none.
  'servers.show_password': json(200, z.object({ password: text })),
  'servers.server_actions_delete_password': empty(204),
  'v2_26.servers.list_tags': json(200, tagsResponseSchema),
  'v2_26.servers.update_all_tags': json(200, tagsResponseSchema),
  'v2_26.servers.check_tag_existence': empty(204),
  'v2_26.servers.delete_all_tags': empty(204),
  'v2_26.servers.delete_tag': empty(204),
  // 201 when the tag is new, 204 when the server had it.
  'v2_26.servers.update_tag': empty(201, 204),
};

// ---- resources (chapters 3, 6–8, 14–16, 18–22) -------------------------------------------------

/** The console negotiates its microversion from `version` and `min_version`: both always there. */
const versionShown = z.object({ id: text, status: text, version: text, min_version: text, updated: text, links: z.array(linkSchema).min(1) });

const keypairType = (minor: number) => fieldsSince(minor, { type: 2 });

/** Server groups show their owner from 2.13; policies and members are what their page lists. */
const serverGroupShown = (minor: number) => z.object({ policies: z.array(text).length(1), members: z.array(text), metadata: z.record(z.string(), z.unknown()) }).and(fieldsSince(minor, { project_id: 13, user_id: 13 }));

const volumeShown = z.object({ displayName: nullableText, availabilityZone: text, attachments: z.array(z.unknown()), createdAt: text, volumeType: nullableText });
const snapshotShown = z.object({ displayName: nullableText, displayDescription: nullableText, createdAt: text });
const securityGroupShown = z.object({ description: nullableText, tenant_id: text, rules: z.array(z.object({ parent_group_id: text, ip_protocol: nullableText, ip_range: z.object({}).loose() })) });

const resources: Record<string, OwnContractEntry> = {
  // Nova's fixed extension list: every entry has these six keys.
  'extensions.list_extensions': json(
    200,
    z.object({ extensions: z.array(z.strictObject({ alias: text, description: text, links: z.array(z.never()), name: text, namespace: text, updated: text })).min(1) }),
  ),
  'versions.list_versions': json(200, versionsResponseSchema, z.object({ versions: z.array(versionShown).min(1) })),
  'versions.get_one_version': json(200, versionResponseSchema, z.object({ version: versionShown })),

  'flavors.list_flavors': json(200, flavorSummaryListResponseSchema),
  'flavors.list_flavors_details': json(200, flavorListResponseSchema),
  'flavors.create_update_get_flavor_details': json(200, flavorResponseSchema),
  // The SPA defaults a missing `extra_specs` to {}; the cloud always sends it.
  'flavors_extra_specs.set_get_flavor_extra_specs': json(200, extraSpecsResponseSchema, z.object({ extra_specs: stringMap })),

  'images.list_images': json(200, imageSummaryListResponseSchema),
  'images.list_images_details': json(200, imageListResponseSchema, z.object({ images: z.array(z.object({ metadata: z.record(z.string(), z.unknown()) })) })),
  'images.get_image': json(200, imageResponseSchema, z.object({ image: z.object({ metadata: z.record(z.string(), z.unknown()), created: text, updated: text }) })),
  'images.image_metadata': json(200, imageMetadataResponseSchema),
  'images.image_meta_item': json(200, z.object({ meta: stringMap.refine((m) => Object.keys(m).length === 1, 'one item') })),
  'images.delete': empty(204),

  // Key pairs carry their type from 2.2, which also changed create to 201 and delete to 204.
  'keypairs.list_keypairs': (minor) => json(200, keypairListResponseSchema, z.object({ keypairs: z.array(z.object({ keypair: keypairType(minor) })) })),
  'keypairs.get_keypair': (minor) => json(200, keypairDetailResponseSchema, z.object({ keypair: keypairType(minor) })),
  'keypairs.create_keypair': (minor) =>
    json(minor >= 2 ? 201 : 200, createdKeypairResponseSchema, z.object({ keypair: z.object({ user_id: text }).and(keypairType(minor)) })),
  'keypairs.delete_keypair': (minor) => empty(minor >= 2 ? 204 : 202),

  'server_groups.create_show_server_group': (minor) => json(200, serverGroupResponseSchema, z.object({ server_group: serverGroupShown(minor) })),
  'server_groups.list_server_groups': (minor) => json(200, serverGroupListResponseSchema, z.object({ server_groups: z.array(serverGroupShown(minor)) })),
  'server_groups.delete_server_group': empty(204),

  // The limits and quotas pages show every one of these; the SPA's schemas leave each optional.
  'limits.get_limit': json(200, limitsResponseSchema, z.object({ limits: z.object({ absolute: absoluteLimitsSchema.required() }) })),
  'quotas.get_quota_set': json(200, quotaSetResponseSchema, z.object({ quota_set: quotaSetSchema.required() })),
  // Nova's detail: each quota of the set as { limit, in_use, reserved }.
  'quotas.get_quota_set_details': json(
    200,
    z.object({
      quota_set: z.object({ id: text }).catchall(z.strictObject({ limit: z.number().int(), in_use: z.number().int().nonnegative(), reserved: z.literal(0) })),
    }),
    z.object({ quota_set: z.object(Object.fromEntries(Object.keys(quotaSetSchema.shape).filter((k) => k !== 'id').map((k) => [k, z.object({ limit: z.number() })]))) }),
  ),

  'availability_zone.list_availability_zone_list': json(200, availabilityZoneListResponseSchema, z.object({ availabilityZoneInfo: z.array(zoneSchema).min(1) })),
  // Admins see the hosts of each zone.
  'availability_zone.list_availability_zone_list_detail': json(
    200,
    availabilityZoneListResponseSchema,
    z.object({ availabilityZoneInfo: z.array(zoneSchema.extend({ hosts: z.record(z.string(), z.unknown()) })).min(1) }),
  ),

  'volumes.list_volumes': json(200, volumeListResponseSchema, volumeSummaryListResponseSchema, z.object({ volumes: z.array(volumeShown) })),
  'volumes.create_get_volume': json(200, volumeResponseSchema, z.object({ volume: volumeShown })),
  'volumes.delete_volume': empty(202),
  'snapshots.list_snapshots': json(200, snapshotListResponseSchema, z.object({ snapshots: z.array(snapshotShown) })),
  'snapshots.create_get_snapshot': json(200, snapshotResponseSchema, z.object({ snapshot: snapshotShown })),
  'snapshots.delete_snapshot': empty(202),

  'security_groups.list_security_groups': json(
    200,
    securityGroupListResponseSchema,
    serverSecurityGroupListSchema,
    z.object({ security_groups: z.array(securityGroupShown) }),
  ),
  'security_groups.get_security_group': json(200, securityGroupResponseSchema, z.object({ security_group: securityGroupShown })),
  'security_groups.create_security_group': json(200, securityGroupResponseSchema, z.object({ security_group: securityGroupShown })),
  'security_groups.update_security_group': json(200, securityGroupResponseSchema, z.object({ security_group: securityGroupShown })),
  'security_groups.create_security_group_rule': json(200, securityGroupRuleResponseSchema, z.object({ security_group_rule: z.object({ parent_group_id: text, ip_range: z.object({}).loose(), group: z.object({}).loose() }) })),
  'security_groups.delete_security_group': empty(202),
  'security_groups.delete_security_group_rule': empty(202),
};

export const ownContracts: Readonly<Record<string, OwnContractEntry>> = { ...servers, ...resources };
