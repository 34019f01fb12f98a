/**
 * The create wizard's checks, per step, before anything is sent: each field against the API's
 * rules (lib/validation.ts), and the choices against each other and the catalog (the flavor
 * against the image's minimums, fixed IPs against their network's CIDR, a boot volume against
 * the image or the snapshot). The wizard's own problems are `servers.validation.<key>`.
 */
import {
  base64Length,
  descriptionProblem,
  fixedIpProblem,
  metadataProblems,
  nameProblem,
  personalityProblems,
  SERVER_METADATA_LIMITS,
  tagListProblem,
  userDataBase64Problem,
  userDataProblem,
  utf8Length,
  uuidProblem,
  volumeSizeProblem,
  type Problem,
} from '../../../lib/validation';
import { bootsFromVolume, serverCount, type WizardValues } from './wizard-values';

export const WIZARD_STEPS = ['basics', 'image', 'flavor', 'network', 'keypair', 'advanced', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface ImageChoice {
  id: string;
  name?: string | null;
  minDisk?: number;
  minRam?: number;
}

export interface FlavorChoice {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  disabled?: boolean;
}

export interface NetworkChoice {
  id: string;
  label?: string | null;
  cidr?: string | null;
  gateway?: string | null;
}

/** A volume snapshot to boot from (spec 4.2: source_type snapshot). */
export interface SnapshotChoice {
  id: string;
  name?: string | null;
  /** GB: the smallest volume that can be made from it. */
  size: number;
  status: string;
}

export interface WizardContext {
  images: readonly ImageChoice[];
  /** The project's volume snapshots (none when they could not be listed). */
  snapshots?: readonly SnapshotChoice[];
  flavors: readonly FlavorChoice[];
  networks: readonly NetworkChoice[];
  maxServerMeta?: number;
  maxPersonality?: number;
  maxPersonalitySize?: number;
}

/** Form path → problem (`nics.0.fixedIp`, `metadata.2.key`, `userData`). */
export type WizardErrors = Record<string, Problem>;

/** The flavor can host the image: RAM ≥ min_ram, and (booting from the image) disk ≥ min_disk. */
export function flavorFitsImage(flavor: FlavorChoice, image: ImageChoice | undefined, bootFromVolume: boolean): boolean {
  if (flavor.disabled) return false;
  if (!image) return true;
  if ((image.minRam ?? 0) > flavor.ram) return false;
  if (!bootFromVolume && (image.minDisk ?? 0) > flavor.disk) return false;
  return true;
}

/** The smallest boot volume for the image (GB): its min_disk, at least 1. */
export function minVolumeSize(image: ImageChoice | undefined): number {
  return Math.max(1, image?.minDisk ?? 0);
}

const wizardProblem = (key: string, values?: Problem['values']): Problem => ({ key: `servers.validation.${key}`, values });

/** Nova's name rule, for the longest name it will give: name-N when several. */
const NAME_MAX_BYTES = 255;

function basics(values: WizardValues, errors: WizardErrors) {
  const name = nameProblem(values.name);
  if (name) errors.name = name;
  if (values.count === '' || !Number.isInteger(values.count) || values.count < 1) errors.count = wizardProblem('countInteger');
  else if (!name && values.count > 1 && utf8Length(`${values.name}-${values.count}`) > NAME_MAX_BYTES) {
    errors.name = wizardProblem('nameTooLongForCount', { max: NAME_MAX_BYTES - `-${values.count}`.length });
  }
  const description = descriptionProblem(values.description);
  if (description) errors.description = description;
}

/** The chosen snapshot, when it can be booted from: the project's, and available. */
export function chosenSnapshot(values: Pick<WizardValues, 'bootSource' | 'snapshotId'>, context: Pick<WizardContext, 'snapshots'>): SnapshotChoice | undefined {
  if (values.bootSource !== 'snapshot' || !values.snapshotId) return undefined;
  return context.snapshots?.find((entry) => entry.id === values.snapshotId && entry.status === 'available');
}

function image(values: WizardValues, context: WizardContext, errors: WizardErrors) {
  if (values.bootSource === 'snapshot') {
    if (!chosenSnapshot(values, context)) errors.snapshotId = wizardProblem('snapshotRequired');
    return;
  }
  if (!values.imageId || !context.images.some((entry) => entry.id === values.imageId)) errors.imageId = wizardProblem('imageRequired');
}

function flavor(values: WizardValues, context: WizardContext, errors: WizardErrors) {
  const chosen = context.flavors.find((entry) => entry.id === values.flavorId);
  if (!chosen) {
    errors.flavorId = wizardProblem('flavorRequired');
    return;
  }
  // from a snapshot there is no image to fit: the disk is the new volume
  const img = values.bootSource === 'image' ? context.images.find((entry) => entry.id === values.imageId) : undefined;
  if (!flavorFitsImage(chosen, img, bootsFromVolume(values))) errors.flavorId = wizardProblem('flavorTooSmall');
}

function network(values: WizardValues, context: WizardContext, errors: WizardErrors) {
  if (values.nics.length === 0) {
    errors.nics = wizardProblem('networkRequired');
    return;
  }
  const seen = new Set<string>();
  values.nics.forEach((nic, index) => {
    if (nic.kind === 'port') {
      const problem = nic.portId ? uuidProblem(nic.portId) : wizardProblem('nicIncomplete');
      if (problem) errors[`nics.${index}.portId`] = problem;
      return;
    }
    // a network that is not (or no longer) the project's, e.g. from an old draft
    if (!nic.networkId || (context.networks.length > 0 && !context.networks.some((entry) => entry.id === nic.networkId))) {
      errors[`nics.${index}.networkId`] = wizardProblem('nicIncomplete');
      return;
    }
    // Spec 4.2 constraint 9: several ports on one network need allow_duplicate_networks.
    if (seen.has(nic.networkId)) errors[`nics.${index}.networkId`] = wizardProblem('duplicateNetwork');
    seen.add(nic.networkId);
    const net = context.networks.find((entry) => entry.id === nic.networkId);
    const ip = fixedIpProblem(nic.fixedIp, net);
    if (ip) errors[`nics.${index}.fixedIp`] = ip;
    // one address cannot be given to several servers (Nova refuses it)
    else if (nic.fixedIp.trim() && serverCount(values) > 1) errors[`nics.${index}.fixedIp`] = wizardProblem('fixedIpForOne');
  });
  // nor one port (Nova: "Unable to launch multiple instances with a single configured port ID")
  if (serverCount(values) > 1) {
    values.nics.forEach((nic, index) => {
      if (nic.kind === 'port') errors[`nics.${index}.portId`] = wizardProblem('portForOne');
    });
  }
}

function advanced(values: WizardValues, context: WizardContext, errors: WizardErrors) {
  const userData =
    values.userDataMode === 'file'
      ? values.userDataFile
        ? userDataBase64Problem(values.userDataFile.base64)
        : null
      : userDataProblem(values.userData);
  if (userData) errors[values.userDataMode === 'file' ? 'userDataFile' : 'userData'] = userData;

  const files = personalityProblems(values.personality, { maxFiles: context.maxPersonality, maxBytes: context.maxPersonalitySize });
  if (files.count) errors.personality = files.count;
  files.rows.forEach((row, index) => {
    if (row.path) errors[`personality.${index}.path`] = row.path;
    if (row.contents) errors[`personality.${index}.contents`] = row.contents;
  });

  const metadata = metadataProblems(values.metadata, { ...SERVER_METADATA_LIMITS, maxItems: context.maxServerMeta });
  if (metadata.count) errors.metadata = metadata.count;
  metadata.rows.forEach((row, index) => {
    if (row.key) errors[`metadata.${index}.key`] = row.key;
    if (row.value) errors[`metadata.${index}.value`] = row.value;
  });

  const tags = tagListProblem(values.tags);
  if (tags) errors.tags = tags;

  if (values.serverGroupId) {
    const group = uuidProblem(values.serverGroupId);
    if (group) errors.serverGroupId = group;
  }
  values.schedulerHints.forEach((hint, index) => {
    if (hint.key && !/^[A-Za-z0-9_]+$/.test(hint.key)) errors[`schedulerHints.${index}.key`] = wizardProblem('hintKey');
  });

  if (values.bootSource === 'snapshot') {
    // empty: the snapshot's own size; else at least that (Cinder's rule)
    const snapshot = chosenSnapshot(values, context);
    const size = values.volumeSize === '' ? null : volumeSizeProblem(values.volumeSize, 1);
    if (size) errors.volumeSize = size;
    else if (snapshot && values.volumeSize !== '' && values.volumeSize < snapshot.size) {
      errors.volumeSize = wizardProblem('volumeSizeBelowSnapshot', { min: snapshot.size });
    }
  } else if (values.bootFromVolume) {
    const img = context.images.find((entry) => entry.id === values.imageId);
    const size = volumeSizeProblem(values.volumeSize, minVolumeSize(img));
    if (size) errors.volumeSize = size;
  }
}

/** The problems of one step (the review step checks them all). */
export function validateWizardStep(step: WizardStep, values: WizardValues, context: WizardContext): WizardErrors {
  const errors: WizardErrors = {};
  const all = step === 'review';
  if (all || step === 'basics') basics(values, errors);
  if (all || step === 'image') image(values, context, errors);
  if (all || step === 'flavor') flavor(values, context, errors);
  if (all || step === 'network') network(values, context, errors);
  if (all || step === 'advanced') advanced(values, context, errors);
  return errors;
}

/** The first step that has a problem, to send the user back to it. */
export function firstInvalidStep(values: WizardValues, context: WizardContext): WizardStep | null {
  for (const step of WIZARD_STEPS) {
    if (step === 'review') continue;
    if (Object.keys(validateWizardStep(step, values, context)).length) return step;
  }
  return null;
}

/** The base64 size the user data will have on the wire. */
export function encodedUserDataSize(values: Pick<WizardValues, 'userDataMode' | 'userData' | 'userDataFile'>): number {
  if (values.userDataMode === 'file') return values.userDataFile?.base64.length ?? 0;
  return values.userData ? base64Length(utf8Length(values.userData)) : 0;
}
