/** What the create-server wizard collects (plain JSON, so a draft can be kept in sessionStorage). */
export interface NicChoice {
  /** A network to get a new port on, or an existing port. */
  kind: 'network' | 'port';
  networkId: string;
  portId: string;
  /** Optional fixed IPv4 address on the network (table 4-7). */
  fixedIp: string;
}

interface KeyValue {
  key: string;
  value: string;
}

export interface WizardValues extends Record<string, unknown> {
  name: string;
  /** How many servers: more than one are made by one request (min_count = max_count), named name-1…name-N. */
  count: number | '';
  description: string;
  availabilityZone: string;
  /** What the server boots from: an image, or a new volume made from a volume snapshot (spec 4.2). */
  bootSource: 'image' | 'snapshot';
  imageId: string;
  snapshotId: string;
  flavorId: string;
  nics: NicChoice[];
  securityGroups: string[];
  keyName: string;
  userDataMode: 'text' | 'file';
  userData: string;
  /** A file's name and contents already base64-encoded. */
  userDataFile: { name: string; base64: string } | null;
  personality: Array<{ path: string; contents: string }>;
  metadata: KeyValue[];
  tags: string[];
  serverGroupId: string;
  bootFromVolume: boolean;
  /** The boot volume's size; from a snapshot, '' means the snapshot's size. */
  volumeSize: number | '';
  deleteOnTermination: boolean;
  schedulerHints: KeyValue[];
}

export const emptyWizardValues = (): WizardValues => ({
  name: '',
  count: 1,
  description: '',
  availabilityZone: '',
  bootSource: 'image',
  imageId: '',
  snapshotId: '',
  flavorId: '',
  nics: [],
  securityGroups: ['default'],
  keyName: '',
  userDataMode: 'text',
  userData: '',
  userDataFile: null,
  personality: [],
  metadata: [],
  tags: [],
  serverGroupId: '',
  bootFromVolume: false,
  volumeSize: '',
  deleteOnTermination: true,
  schedulerHints: [],
});

/** How many servers the values make (an unfinished count is one). */
export const serverCount = (values: Pick<WizardValues, 'count'>): number => (typeof values.count === 'number' && values.count >= 1 ? Math.floor(values.count) : 1);

/** The names Nova gives the servers of one create: the name alone, or name-1 … name-N. */
export function serverNames(values: Pick<WizardValues, 'name' | 'count'>): string[] {
  const count = serverCount(values);
  return count === 1 ? [values.name] : Array.from({ length: count }, (_, index) => `${values.name}-${index + 1}`);
}

/** The server's system disk is a new volume: from the image when asked, always from a snapshot. */
export const bootsFromVolume = (values: Pick<WizardValues, 'bootSource' | 'bootFromVolume'>): boolean =>
  values.bootSource === 'snapshot' || values.bootFromVolume;

/**
 * Choices other pages pass in the URL ("launch a server with this image"):
 * `?image=…&flavor=…&network=…&keypair=…&group=…`.
 */
export function presetFromSearch(search: URLSearchParams): Partial<WizardValues> {
  const preset: Partial<WizardValues> = {};
  const image = search.get('image');
  const flavor = search.get('flavor');
  const network = search.get('network');
  const keypair = search.get('keypair');
  const group = search.get('group');
  if (image) preset.imageId = image;
  if (flavor) preset.flavorId = flavor;
  if (network) preset.nics = [{ kind: 'network', networkId: network, portId: '', fixedIp: '' }];
  if (keypair) preset.keyName = keypair;
  if (group) preset.serverGroupId = group;
  return preset;
}
