import { describe, expect, it } from 'vitest';
import { firstInvalidStep, flavorFitsImage, validateWizardStep, type WizardContext } from './wizard-validation';
import { emptyWizardValues, type WizardValues } from './wizard-values';

const context: WizardContext = {
  images: [{ id: 'ubuntu', name: 'Ubuntu', minDisk: 40, minRam: 0 }, { id: 'win', name: 'Windows', minDisk: 40, minRam: 2048 }],
  flavors: [
    { id: 'small', name: 's3.small.1', vcpus: 1, ram: 1024, disk: 20 },
    { id: 'medium', name: 's3.medium.2', vcpus: 1, ram: 2048, disk: 40 },
    { id: 'old', name: 's2.medium.4', vcpus: 1, ram: 4096, disk: 40, disabled: true },
  ],
  networks: [{ id: 'net', label: 'subnet-alpha', cidr: '192.168.10.0/24', gateway: '192.168.10.1' }],
  maxServerMeta: 2,
};

const valid = (patch: Partial<WizardValues> = {}): WizardValues => ({
  ...emptyWizardValues(),
  name: 'web-1',
  imageId: 'ubuntu',
  flavorId: 'medium',
  nics: [{ kind: 'network', networkId: 'net', portId: '', fixedIp: '' }],
  ...patch,
});

/** Path → the problem's name, without its catalogue (`validation.` for field rules, `servers.validation.` for the wizard's own). */
const keys = (errors: Record<string, { key: string }>) =>
  Object.fromEntries(Object.entries(errors).map(([path, p]) => [path, p.key.replace(/^(servers\.)?validation\./, '')]));

describe('create wizard checks', () => {
  it('passes a complete form', () => {
    expect(validateWizardStep('review', valid(), context)).toEqual({});
    expect(firstInvalidStep(valid(), context)).toBeNull();
  });

  it('filters flavors by the image’s minimum RAM and disk; boot volumes lift the disk rule', () => {
    const [small, medium, old] = context.flavors;
    expect(flavorFitsImage(small, context.images[0], false)).toBe(false);
    expect(flavorFitsImage(small, context.images[0], true)).toBe(true);
    expect(flavorFitsImage(medium, context.images[1], false)).toBe(true);
    expect(flavorFitsImage({ ...medium, ram: 1024 }, context.images[1], false)).toBe(false);
    expect(flavorFitsImage(old, context.images[0], false)).toBe(false);
    expect(keys(validateWizardStep('flavor', valid({ flavorId: 'small' }), context))).toEqual({ flavorId: 'flavorTooSmall' });
  });

  it('checks each step’s own fields', () => {
    expect(keys(validateWizardStep('basics', valid({ name: ' web' }), context))).toEqual({ name: 'nameSpaces' });
    expect(keys(validateWizardStep('image', valid({ imageId: '' }), context))).toEqual({ imageId: 'imageRequired' });
    expect(keys(validateWizardStep('network', valid({ nics: [] }), context))).toEqual({ nics: 'networkRequired' });
  });

  it('checks fixed IPs against the chosen network’s CIDR and refuses a network twice', () => {
    const errors = validateWizardStep(
      'network',
      valid({
        nics: [
          { kind: 'network', networkId: 'net', portId: '', fixedIp: '10.0.0.5' },
          { kind: 'network', networkId: 'net', portId: '', fixedIp: '192.168.10.1' },
          { kind: 'port', networkId: '', portId: 'not-a-uuid', fixedIp: '' },
        ],
      }),
      context,
    );
    expect(keys(errors)).toEqual({
      'nics.0.fixedIp': 'ipOutsideCidr',
      'nics.1.networkId': 'duplicateNetwork',
      'nics.1.fixedIp': 'ipGateway',
      'nics.2.portId': 'uuid',
    });
  });

  it('checks user data, metadata count, tags and the boot volume', () => {
    const errors = validateWizardStep(
      'advanced',
      valid({
        userData: 'x'.repeat(50_000),
        metadata: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
          { key: 'c', value: '3' },
        ],
        tags: ['.hidden'],
        bootFromVolume: true,
        volumeSize: 10,
        serverGroupId: 'nope',
      }),
      context,
    );
    expect(keys(errors)).toEqual({
      userData: 'userDataTooLarge',
      metadata: 'metadataTooMany',
      tags: 'tagLeadingDot',
      serverGroupId: 'uuid',
      volumeSize: 'volumeSizeTooSmall',
    });
  });

  it('names the first step to fix', () => {
    expect(firstInvalidStep(valid({ flavorId: '' }), context)).toBe('flavor');
    expect(firstInvalidStep(valid({ name: '', tags: ['.x'] }), context)).toBe('basics');
  });
});

describe('a restored draft', () => {
  it('refuses a network the project does not have', () => {
    const errors = validateWizardStep('network', valid({ nics: [{ kind: 'network', networkId: 'gone', portId: '', fixedIp: '' }] }), context);
    expect(keys(errors)).toEqual({ 'nics.0.networkId': 'nicIncomplete' });
  });
});

describe('booting from a volume snapshot (spec 4.2, source_type snapshot)', () => {
  const withSnapshots: WizardContext = {
    ...context,
    snapshots: [
      { id: 'snap-sys', name: 'system-before-upgrade', size: 40, status: 'available' },
      { id: 'snap-new', name: 'still-creating', size: 40, status: 'creating' },
    ],
  };
  const fromSnapshot = (patch: Partial<WizardValues> = {}) => valid({ bootSource: 'snapshot', imageId: '', snapshotId: 'snap-sys', ...patch });

  it('passes with an available snapshot, no image and the size left to the snapshot', () => {
    expect(validateWizardStep('review', fromSnapshot(), withSnapshots)).toEqual({});
    expect(validateWizardStep('review', fromSnapshot({ volumeSize: 60 }), withSnapshots)).toEqual({});
  });

  it('asks for an available snapshot of the project', () => {
    for (const snapshotId of ['', 'snap-new', 'gone']) {
      expect(keys(validateWizardStep('image', fromSnapshot({ snapshotId }), withSnapshots)), snapshotId).toEqual({ snapshotId: 'snapshotRequired' });
    }
    // the snapshots could not be listed: nothing to choose from
    expect(keys(validateWizardStep('image', fromSnapshot(), context))).toEqual({ snapshotId: 'snapshotRequired' });
  });

  it('refuses a volume smaller than the snapshot, or not a whole number', () => {
    const small = validateWizardStep('advanced', fromSnapshot({ volumeSize: 20 }), withSnapshots);
    expect(small.volumeSize).toEqual({ key: 'servers.validation.volumeSizeBelowSnapshot', values: { min: 40 } });
    expect(keys(validateWizardStep('advanced', fromSnapshot({ volumeSize: 0 }), withSnapshots))).toEqual({ volumeSize: 'volumeSizeInteger' });
  });

  it('fits any enabled flavor: the disk is the new volume, whatever image was picked before', () => {
    expect(validateWizardStep('flavor', fromSnapshot({ flavorId: 'small', imageId: 'win' }), withSnapshots)).toEqual({});
    expect(keys(validateWizardStep('flavor', fromSnapshot({ flavorId: 'old' }), withSnapshots))).toEqual({ flavorId: 'flavorTooSmall' });
  });
});

describe('several servers in one create (min_count = max_count)', () => {
  it('takes a whole number from 1', () => {
    expect(keys(validateWizardStep('basics', valid({ count: 3 }), context))).toEqual({});
    expect(keys(validateWizardStep('basics', valid({ count: 0 }), context))).toEqual({ count: 'countInteger' });
    expect(keys(validateWizardStep('basics', valid({ count: '' }), context))).toEqual({ count: 'countInteger' });
    expect(keys(validateWizardStep('basics', valid({ count: 1.5 }), context))).toEqual({ count: 'countInteger' });
  });

  it('keeps the longest name Nova will give (name-N) within 255 bytes', () => {
    expect(keys(validateWizardStep('basics', valid({ name: 'x'.repeat(253), count: 9 }), context))).toEqual({});
    expect(keys(validateWizardStep('basics', valid({ name: 'x'.repeat(253), count: 10 }), context))).toEqual({ name: 'nameTooLongForCount' });
  });

  it('refuses one fixed IP or one port for several servers, as Nova does', () => {
    const fixed = valid({ count: 2, nics: [{ kind: 'network', networkId: 'net', portId: '', fixedIp: '192.168.10.20' }] });
    expect(keys(validateWizardStep('network', fixed, context))).toEqual({ 'nics.0.fixedIp': 'fixedIpForOne' });
    const port = valid({ count: 2, nics: [{ kind: 'port', networkId: '', portId: '6d5e2f4c-8a41-4d0e-9a53-2f1e0c7b9a11', fixedIp: '' }] });
    expect(keys(validateWizardStep('network', port, context))).toEqual({ 'nics.0.portId': 'portForOne' });
    expect(keys(validateWizardStep('network', { ...fixed, count: 1 }, context))).toEqual({});
  });
});
