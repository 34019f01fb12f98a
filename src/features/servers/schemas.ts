import { z } from 'zod';

/**
 * Shapes of the servers API (spec chapters 4, 5, 9–13, 17, 22 and 23) as the cloud sends them
 * (zod, the types inferred from them), and of the requests the console sends. Fields that
 * appear only at some microversion, only for admins, or only in some statuses are optional.
 */

const linkSchema = z.object({ href: z.string(), rel: z.string() });

/** One address of `addresses[network]` (spec table 4-11). */
const serverAddressSchema = z.object({
  addr: z.string(),
  version: z.number().int(),
  'OS-EXT-IPS:type': z.string().optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
});

/** `image` (table 4-12); `""` when the server boots from a volume — normalised to null. */
const serverImageRefSchema = z
  .union([z.object({ id: z.string(), links: z.array(linkSchema).optional() }), z.literal(''), z.null()])
  .transform((value) => (value ? value : null));

/** `flavor` (table 4-13): `{id, links}` up to 2.46. */
const serverFlavorRefSchema = z.object({
  id: z.string(),
  links: z.array(linkSchema).optional(),
});

/** `fault` (table 4-15), shown in ERROR and DELETED. */
const serverFaultSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  details: z.string().optional(),
  created: z.string(),
});

const nullableString = z.string().nullable().optional();

/**
 * A server as Get Server Detail and List Servers Detail return it (tables 4-1 and 4.3's
 * response), with the microversion fields of 2.3 (extended attributes), 2.9 (`locked`),
 * 2.16 (`host_status`), 2.19 (`description`) and 2.26 (`tags`).
 */
const serverSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  tenant_id: z.string().optional(),
  user_id: z.string().optional(),
  metadata: z.record(z.string(), z.string()).default({}),
  hostId: z.string().optional(),
  image: serverImageRefSchema.optional().transform((value) => value ?? null),
  flavor: serverFlavorRefSchema,
  created: z.string(),
  updated: z.string(),
  addresses: z.record(z.string(), z.array(serverAddressSchema)).default({}),
  accessIPv4: z.string().optional(),
  accessIPv6: z.string().optional(),
  links: z.array(linkSchema).optional(),
  'OS-DCF:diskConfig': z.string().optional(),
  progress: z.number().optional(),
  fault: serverFaultSchema.optional(),
  key_name: nullableString,
  security_groups: z.array(z.object({ name: z.string() })).optional(),
  'OS-EXT-AZ:availability_zone': nullableString,
  config_drive: z.union([z.string(), z.boolean()]).nullable().optional(),
  'OS-EXT-STS:task_state': nullableString,
  'OS-EXT-STS:vm_state': nullableString,
  'OS-EXT-STS:power_state': z.number().int().nullable().optional(),
  'OS-SRV-USG:launched_at': nullableString,
  'OS-SRV-USG:terminated_at': nullableString,
  'os-extended-volumes:volumes_attached': z
    .array(z.object({ id: z.string(), delete_on_termination: z.boolean().optional() }))
    .optional(),
  'OS-EXT-SRV-ATTR:host': nullableString,
  'OS-EXT-SRV-ATTR:instance_name': nullableString,
  'OS-EXT-SRV-ATTR:hypervisor_hostname': nullableString,
  'OS-EXT-SRV-ATTR:hostname': nullableString,
  'OS-EXT-SRV-ATTR:reservation_id': nullableString,
  'OS-EXT-SRV-ATTR:launch_index': z.number().int().nullable().optional(),
  'OS-EXT-SRV-ATTR:kernel_id': nullableString,
  'OS-EXT-SRV-ATTR:ramdisk_id': nullableString,
  'OS-EXT-SRV-ATTR:root_device_name': nullableString,
  'OS-EXT-SRV-ATTR:user_data': nullableString,
  locked: z.boolean().optional(),
  host_status: nullableString,
  description: nullableString,
  tags: z.array(z.string()).optional(),
});
export type Server = z.infer<typeof serverSchema>;

export const serverEnvelopeSchema = z.object({ server: serverSchema });

/** List Servers (summary): id, name and links only. */
const serverSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  links: z.array(linkSchema).optional(),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const serverListResponseSchema = z.object({
  servers: z.array(serverSchema),
  servers_links: z.array(linkSchema).optional(),
});

export const serverSummaryListResponseSchema = z.object({
  servers: z.array(serverSummarySchema),
  servers_links: z.array(linkSchema).optional(),
});

/** Create Server answers (spec 4.2): the id, links and the generated password. */
const createdServerSchema = z.object({
  id: z.string(),
  links: z.array(linkSchema).optional(),
  adminPass: z.string().optional(),
  security_groups: z.array(z.object({ name: z.string() })).optional(),
  'OS-DCF:diskConfig': z.string().optional(),
});
/**
 * Create Server answers the server, or — asked with return_reservation_id, for several — the
 * reservation whose servers List Servers filters by (`reservation_id`).
 */
export const createServerResponseSchema = z.union([
  z.object({ server: createdServerSchema }),
  z.object({ reservation_id: z.string() }),
]);

// ---- requests (the console builds them; nothing parses them) ------------------------------

/** Table 4-7: a port, or a network uuid with an optional fixed IP. */
interface NetworkRequest {
  uuid?: string;
  port?: string;
  fixed_ip?: string;
}

/** Table 4-5. Strings where the spec has them (boot_index, volume_size), as Nova accepts both. */
export interface BlockDeviceMapping {
  source_type: 'volume' | 'image' | 'snapshot';
  destination_type: 'volume';
  uuid: string;
  boot_index: string | number;
  volume_size?: string | number;
  volume_type?: string;
  delete_on_termination?: boolean;
  device_name?: string;
}

/** Table 4-3: the `server` of Create Server as the console sends it. */
export interface CreateServerRequest {
  name: string;
  flavorRef: string;
  imageRef?: string;
  availability_zone?: string;
  networks?: NetworkRequest[];
  security_groups?: Array<{ name: string }>;
  key_name?: string;
  user_data?: string;
  personality?: Array<{ path: string; contents: string }>;
  metadata?: Record<string, string>;
  block_device_mapping_v2?: BlockDeviceMapping[];
  description?: string;
  adminPass?: string;
  config_drive?: boolean;
  /** Several servers in one request (Nova names them name-1 … name-N). */
  min_count?: number;
  max_count?: number;
  /** Answer `{reservation_id}` instead of the first server: the way to list them all. */
  return_reservation_id?: boolean;
}

/** Table 4-8: scheduler hints sent beside `server`. */
export type SchedulerHints = Record<string, string | string[]>;

/** The whole body of POST /servers. */
export interface CreateServerBody {
  server: CreateServerRequest;
  'os:scheduler_hints'?: SchedulerHints;
}

export const consoleOutputSchema = z.object({ output: z.string() });

// ---- tags (chapter 23) ------------------------------------------------------------------

export const tagsResponseSchema = z.object({ tags: z.array(z.string()) });

// ---- instance actions (chapter 11) --------------------------------------------------------

const instanceActionEventSchema = z.object({
  event: z.string(),
  start_time: z.string().nullable().optional(),
  finish_time: z.string().nullable().optional(),
  result: z.string().nullable().optional(),
  traceback: z.string().nullable().optional(),
});

const instanceActionSchema = z.object({
  action: z.string(),
  instance_uuid: z.string().optional(),
  message: z.string().nullable().optional(),
  project_id: z.string().optional(),
  request_id: z.string(),
  start_time: z.string(),
  user_id: z.string().nullable().optional(),
  events: z.array(instanceActionEventSchema).optional(),
});
export type InstanceAction = z.infer<typeof instanceActionSchema>;

export const instanceActionListSchema = z.object({ instanceActions: z.array(instanceActionSchema) });
export const instanceActionEnvelopeSchema = z.object({ instanceAction: instanceActionSchema });

// ---- a server's parts (chapters 9, 10, 12, 13, 17, 22) -----------------------------------------

/** List IPs (9.1): addresses by network name. */
export const addressesSchema = z.object({ addresses: z.record(z.string(), z.array(serverAddressSchema)) });
export type AddressesByNetwork = z.infer<typeof addressesSchema>['addresses'];

/** Chapter 10: `{ "metadata": { key: value } }`; writes answer with it too (10.2, 10.3). */
export const metadataResponseSchema = z.object({ metadata: z.record(z.string(), z.string()) });
/** Show Metadata Item (10.4), Set Metadata Item (10.5). */
export const metadataItemResponseSchema = z.object({ meta: z.record(z.string(), z.string()) });

/** 12.3 / 12.4: a volume attached to the server. */
const volumeAttachmentSchema = z.object({
  id: z.string(),
  volumeId: z.string(),
  serverId: z.string().optional(),
  device: z.string().nullable().optional(),
});
export type VolumeAttachment = z.infer<typeof volumeAttachmentSchema>;
export const volumeAttachmentListSchema = z.object({ volumeAttachments: z.array(volumeAttachmentSchema) });

/** 13.3 / 13.4: one port of the server. */
const interfaceAttachmentSchema = z.object({
  port_id: z.string(),
  net_id: z.string(),
  mac_addr: z.string().nullable().optional(),
  port_state: z.string().nullable().optional(),
  fixed_ips: z.array(z.object({ ip_address: z.string(), subnet_id: z.string().nullable().optional() })).default([]),
});
export type InterfaceAttachment = z.infer<typeof interfaceAttachmentSchema>;
export const interfaceListSchema = z.object({ interfaceAttachments: z.array(interfaceAttachmentSchema) });
export const interfaceEnvelopeSchema = z.object({ interfaceAttachment: interfaceAttachmentSchema });

/** Show Server Password (17.1): base64 ciphertext; null or '' when none was posted or it was cleared. */
export const passwordResponseSchema = z.object({ password: z.string().nullable() });

/** Table 22-12: a rule as List Server Security Groups (22.6) shows it. */
const serverSecurityGroupRuleSchema = z.object({
  id: z.string(),
  parent_group_id: z.string().nullable().optional(),
  ip_protocol: z.string().nullable().optional(),
  from_port: z.number().nullable().optional(),
  to_port: z.number().nullable().optional(),
  ip_range: z.object({ cidr: z.string().optional() }).partial().nullable().optional(),
  group: z.object({ name: z.string().optional(), tenant_id: z.string().optional() }).partial().nullable().optional(),
});
export type ServerSecurityGroupRule = z.infer<typeof serverSecurityGroupRuleSchema>;

/** Table 22-11: one of the server's security groups, with its rules. */
const serverSecurityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  tenant_id: z.string().optional(),
  rules: z.array(serverSecurityGroupRuleSchema).default([]),
});
export type ServerSecurityGroup = z.infer<typeof serverSecurityGroupSchema>;
export const serverSecurityGroupListSchema = z.object({ security_groups: z.array(serverSecurityGroupSchema) });
