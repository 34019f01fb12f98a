import { describe, expect, it } from 'vitest';
import { imageListParams } from './api';

describe('List Images filters (spec 7.1/7.2)', () => {
  it('sends only what is set, with the API’s names', () => {
    expect(imageListParams()).toEqual({});
    expect(imageListParams({ name: 'web', status: 'active', changesSince: '2026-01-01T00:00:00Z', minDisk: 0, minRam: 512 })).toEqual({
      name: 'web',
      status: 'active',
      'changes-since': '2026-01-01T00:00:00Z',
      minDisk: 0,
      minRam: 512,
    });
  });

  it('asks for the images made from one server (Nova’s server filter), as Create Image’s dialog does', () => {
    expect(imageListParams({ server: 'srv-1', name: 'web-image' })).toEqual({ server: 'srv-1', name: 'web-image' });
  });
});
