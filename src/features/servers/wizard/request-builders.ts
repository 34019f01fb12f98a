/**
 * Pure translations of the wizard's values: into the body of Create Server (spec 4.2), and
 * into the equivalent `openstack` CLI commands, so the review shows exactly what is sent.
 */
import type { BlockDeviceMapping, CreateServerBody, CreateServerRequest, SchedulerHints } from '../schemas';
import { encodeBase64 } from '../../../lib/validation';
import { shellQuote } from '../requests';
import { bootsFromVolume, serverCount, type WizardValues } from './wizard-values';

export interface BuildOptions {
  /** The microversion sends `description` from 2.19. */
  supportsDescription?: boolean;
}

function trimmedEntries(entries: ReadonlyArray<{ key: string; value: string }>): Array<[string, string]> {
  return entries.filter((entry) => entry.key.trim() !== '').map((entry) => [entry.key.trim(), entry.value]);
}

/** The user data as the API wants it: base64, from the text or the file. */
export function userDataOf(values: Pick<WizardValues, 'userDataMode' | 'userData' | 'userDataFile'>): string | undefined {
  if (values.userDataMode === 'file') return values.userDataFile?.base64 || undefined;
  return values.userData ? encodeBase64(values.userData) : undefined;
}

function schedulerHintsOf(values: Pick<WizardValues, 'serverGroupId' | 'schedulerHints'>): SchedulerHints | undefined {
  const hints: SchedulerHints = {};
  for (const [key, value] of trimmedEntries(values.schedulerHints)) {
    if (value.trim()) hints[key] = value.trim();
  }
  if (values.serverGroupId) hints.group = values.serverGroupId;
  return Object.keys(hints).length ? hints : undefined;
}

type BootValues = Pick<WizardValues, 'bootSource' | 'bootFromVolume' | 'imageId' | 'snapshotId' | 'volumeSize' | 'deleteOnTermination'>;

/**
 * The system disk as a new volume (table 4-5), or undefined when the server boots from the
 * image onto the flavor's disk. From a snapshot the size may be left to the snapshot's.
 */
function bootDeviceOf(values: BootValues): BlockDeviceMapping | undefined {
  if (!bootsFromVolume(values)) return undefined;
  const fromSnapshot = values.bootSource === 'snapshot';
  return {
    source_type: fromSnapshot ? 'snapshot' : 'image',
    destination_type: 'volume',
    uuid: fromSnapshot ? values.snapshotId : values.imageId,
    boot_index: 0,
    ...(fromSnapshot && values.volumeSize === '' ? {} : { volume_size: Number(values.volumeSize) }),
    delete_on_termination: values.deleteOnTermination,
  };
}

/** The body of POST /servers. Tags are not part of it before 2.52: see `tagsAfterCreate`. */
export function buildCreateServerBody(values: WizardValues, options: BuildOptions = {}): CreateServerBody {
  const server: CreateServerRequest = { name: values.name, flavorRef: values.flavorId };
  const bootDevice = bootDeviceOf(values);
  if (bootDevice) server.block_device_mapping_v2 = [bootDevice];
  else server.imageRef = values.imageId;
  if (values.availabilityZone) server.availability_zone = values.availabilityZone;
  const nics = values.nics
    .map((nic) => {
      if (nic.kind === 'port') return nic.portId ? { port: nic.portId } : null;
      if (!nic.networkId) return null;
      return nic.fixedIp.trim() ? { uuid: nic.networkId, fixed_ip: nic.fixedIp.trim() } : { uuid: nic.networkId };
    })
    .filter((nic): nic is NonNullable<typeof nic> => nic !== null);
  if (nics.length) server.networks = nics;
  // Table 4-3: security groups apply to the ports Nova creates on networks.
  const groups = [...new Set(values.securityGroups.filter(Boolean))];
  if (groups.length && nics.some((nic) => 'uuid' in nic)) server.security_groups = groups.map((name) => ({ name }));
  if (values.keyName) server.key_name = values.keyName;
  const userData = userDataOf(values);
  if (userData) server.user_data = userData;
  const files = values.personality.filter((file) => file.path.trim());
  if (files.length) server.personality = files.map((file) => ({ path: file.path.trim(), contents: encodeBase64(file.contents) }));
  const metadata = trimmedEntries(values.metadata);
  if (metadata.length) server.metadata = Object.fromEntries(metadata);
  if (options.supportsDescription && values.description.trim()) server.description = values.description;
  // several: all or none (min = max), and the reservation, to list each server afterwards
  const count = serverCount(values);
  if (count > 1) Object.assign(server, { min_count: count, max_count: count, return_reservation_id: true });

  const body: CreateServerBody = { server };
  const hints = schedulerHintsOf(values);
  if (hints) body['os:scheduler_hints'] = hints;
  return body;
}

/** Tags to set once the server is ACTIVE (Replace Server Tags, 23.2), as 2.26 has no tags on create. */
export function tagsAfterCreate(values: Pick<WizardValues, 'tags'>): string[] {
  return [...new Set(values.tags.map((tag) => tag.trim()).filter(Boolean))];
}

// ---- openstack CLI ----------------------------------------------------------------------------

export interface CliNames {
  /** Names the CLI user knows better than ids (optional: ids are used otherwise). */
  flavorName?: string;
}

/**
 * The `openstack` commands that create the same server: `server create`, then
 * `server set --tag` for the tags. Files (user data, injected files) are named after what
 * the user picked; they must exist next to the command.
 */
export function buildOpenstackCli(values: WizardValues, names: CliNames = {}, options: BuildOptions = {}): string {
  const args: string[] = ['openstack', 'server', 'create'];
  const add = (...parts: string[]) => args.push(...parts);
  add('--flavor', shellQuote(names.flavorName || values.flavorId));
  const bootDevice = bootDeviceOf(values);
  if (bootDevice) {
    const keys = ['uuid', 'source_type', 'destination_type', 'volume_size', 'boot_index', 'delete_on_termination'] as const;
    add('--block-device', shellQuote(keys.filter((key) => bootDevice[key] !== undefined).map((key) => `${key}=${String(bootDevice[key])}`).join(',')));
  } else {
    add('--image', shellQuote(values.imageId));
  }
  if (values.availabilityZone) add('--availability-zone', shellQuote(values.availabilityZone));
  for (const nic of values.nics) {
    if (nic.kind === 'port' && nic.portId) add('--port', shellQuote(nic.portId));
    if (nic.kind === 'network' && nic.networkId) {
      add('--nic', shellQuote(`net-id=${nic.networkId}${nic.fixedIp.trim() ? `,v4-fixed-ip=${nic.fixedIp.trim()}` : ''}`));
    }
  }
  const hasNetworkNic = values.nics.some((nic) => nic.kind === 'network' && nic.networkId);
  if (hasNetworkNic) for (const group of new Set(values.securityGroups.filter(Boolean))) add('--security-group', shellQuote(group));
  if (values.keyName) add('--key-name', shellQuote(values.keyName));
  const userData = values.userDataMode === 'file' ? values.userDataFile?.name : values.userData ? 'user-data.txt' : undefined;
  if (userData) add('--user-data', shellQuote(userData));
  values.personality
    .filter((file) => file.path.trim())
    .forEach((file, index) => add('--file', shellQuote(`${file.path.trim()}=file-${index + 1}.txt`)));
  for (const [key, value] of trimmedEntries(values.metadata)) add('--property', shellQuote(`${key}=${value}`));
  const hints = schedulerHintsOf(values) ?? {};
  for (const [key, value] of Object.entries(hints)) {
    for (const one of Array.isArray(value) ? value : [value]) add('--hint', shellQuote(`${key}=${one}`));
  }
  if (options.supportsDescription && values.description.trim()) add('--description', shellQuote(values.description));
  const count = serverCount(values);
  if (count > 1) add('--min', String(count), '--max', String(count));
  add(shellQuote(values.name));
  const lines = [args.join(' ')];
  const tags = tagsAfterCreate(values);
  if (tags.length) {
    lines.push(
      ['openstack', '--os-compute-api-version', '2.26', 'server', 'set', ...tags.flatMap((tag) => ['--tag', shellQuote(tag)]), shellQuote(values.name)].join(' '),
    );
  }
  return lines.join('\n');
}
