import { describe, expect, it } from 'vitest';
import { volumeSchema } from './schemas';

describe('volume shape', () => {
  it("reads the spec's 19.2 sample: an unattached volume's [{}] and the stray blank in its status", () => {
    const volume = volumeSchema.parse({
      status: ' available',
      attachments: [{}],
      availabilityZone: 'nova',
      createdAt: '2016-05-20T07:57:56.299000',
      displayDescription: null,
      volumeType: null,
      displayName: 'test',
      snapshotId: null,
      metadata: {},
      id: '70b14513',
      size: 1,
    });
    expect(volume).toMatchObject({ status: 'available', attachments: [], name: 'test', volumeType: '', description: '' });
  });
  it("reads the 19.1 sample's display_name and an attachment", () => {
    const volume = volumeSchema.parse({
      status: 'in-use',
      attachments: [{ device: '/dev/vdb', id: 'v', serverId: 's1', volumeId: 'v' }],
      id: 'v',
      size: '5',
      display_name: 'made',
    });
    expect(volume).toMatchObject({ name: 'made', size: 5, attachments: [{ serverId: 's1', device: '/dev/vdb' }] });
  });
});
