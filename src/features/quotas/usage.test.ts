import { describe, expect, it } from 'vitest';
import { quotaUsageRows } from './usage';

describe('quota usage rows', () => {
  it('puts quota, default and usage side by side with the share in use', () => {
    const rows = quotaUsageRows({ instances: 10, cores: 20, ram: -1, key_pairs: 100 }, { instances: 10, cores: 40, ram: 51200, key_pairs: 100 }, {
      instances: 3,
      cores: 19,
      ram: 2048,
    });
    expect(rows).toEqual([
      { name: 'instances', quota: 10, default: 10, used: 3, percent: 30 },
      { name: 'cores', quota: 20, default: 40, used: 19, percent: 95 },
      { name: 'ram', quota: -1, default: 51200, used: 2048, percent: null },
      { name: 'key_pairs', quota: 100, default: 100, used: undefined, percent: null },
    ]);
  });

  it('caps the share at 100 and counts a zero quota in use as full', () => {
    const rows = quotaUsageRows({ instances: 2, cores: 0 }, undefined, { instances: 3, cores: 1 });
    expect(rows.map((r) => r.percent)).toEqual([100, 100]);
  });
});
