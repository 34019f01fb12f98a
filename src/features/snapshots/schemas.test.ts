import { describe, expect, it } from 'vitest';
import { snapshotNameProblem, snapshotSchema } from './schemas';

describe('snapshot name rule (spec 20.1)', () => {
  it('refuses the prefix kept for automatic backups', () => {
    expect(snapshotNameProblem('autobk_snapshot')).toBe('snapshots.validation.reservedPrefix');
    expect(snapshotNameProblem('autobk_snapshot-2026')).toBe('snapshots.validation.reservedPrefix');
    expect(snapshotNameProblem('my-autobk_snapshot')).toBeNull();
    expect(snapshotNameProblem('')).toBeNull();
    expect(snapshotNameProblem('x'.repeat(256))).toBe('snapshots.validation.nameTooLong');
  });
});

describe('snapshot shape', () => {
  it("reads the spec's sample", () => {
    expect(
      snapshotSchema.parse({
        createdAt: '2016-05-20T16:54:14.981520',
        displayDescription: null,
        id: 'b836dc3d',
        displayName: 'test01',
        size: 1,
        status: 'creating',
        volumeId: 'ba5730ea',
      }),
    ).toEqual({ id: 'b836dc3d', name: 'test01', description: '', status: 'creating', size: 1, volumeId: 'ba5730ea', createdAt: '2016-05-20T16:54:14.981520' });
  });
});
