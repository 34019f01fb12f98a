import { describe, expect, it } from 'vitest';
import { attachProblem, volumeDeleteRefusal, volumeSizeProblem } from './rules';

const volume = (status: string, attached = false) => ({
  status,
  availabilityZone: 'az-1',
  attachments: attached ? [{ serverId: 's1', device: '/dev/vdb' }] : [],
});

describe('delete refusals (spec 19.5)', () => {
  it('refuses an attached volume first, then one with snapshots, then a wrong status', () => {
    expect(volumeDeleteRefusal(volume('in-use', true), 2)).toBe('attached');
    expect(volumeDeleteRefusal(volume('available'), 1)).toBe('hasSnapshots');
    expect(volumeDeleteRefusal(volume('creating'), 0)).toBe('status');
    expect(volumeDeleteRefusal(volume('deleting'), 0)).toBe('status');
  });
  it('lets available and error volumes go', () => {
    for (const status of ['available', 'error', 'error_restoring', 'error_extending']) expect(volumeDeleteRefusal(volume(status), 0)).toBeNull();
  });
});

describe('attach (spec 12.1)', () => {
  const server = (status: string, zone: string | null = 'az-1') => ({ id: 's', name: 's', status, zone });
  it('needs an available volume, a server of its zone, active or stopped', () => {
    expect(attachProblem(volume('available'), server('ACTIVE'))).toBeNull();
    expect(attachProblem(volume('available'), server('SHUTOFF'))).toBeNull();
    expect(attachProblem(volume('in-use'), server('ACTIVE'))).toBe('volumes.attach.volumeNotAvailable');
    expect(attachProblem(volume('available'), server('ACTIVE', 'az-2'))).toBe('volumes.attach.otherZone');
    expect(attachProblem(volume('available'), server('PAUSED'))).toBe('volumes.attach.serverState');
    expect(attachProblem(volume('available'), server('SUSPENDED'))).toBe('volumes.attach.serverState');
  });
});

describe('size (spec 19.1)', () => {
  it('is a whole number of GB, optional from a snapshot but not smaller', () => {
    expect(volumeSizeProblem(10, null)).toBeNull();
    expect(volumeSizeProblem('', null)).toBe('volumes.validation.sizeRequired');
    expect(volumeSizeProblem(0, null)).toBe('volumes.validation.sizeInteger');
    expect(volumeSizeProblem(1.5, null)).toBe('volumes.validation.sizeInteger');
    expect(volumeSizeProblem('', 20)).toBeNull();
    expect(volumeSizeProblem(10, 20)).toBe('volumes.validation.sizeBelowSnapshot');
    expect(volumeSizeProblem(40, 20)).toBeNull();
  });
});
