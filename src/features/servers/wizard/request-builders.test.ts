import { describe, expect, it } from 'vitest';
import { buildCreateServerBody, buildOpenstackCli, tagsAfterCreate, userDataOf } from './request-builders';
import { shellQuote } from '../requests';
import { emptyWizardValues, serverNames, type WizardValues } from './wizard-values';

const values = (patch: Partial<WizardValues> = {}): WizardValues => ({
  ...emptyWizardValues(),
  name: 'web-1',
  imageId: 'img-1',
  flavorId: 's3.medium.2',
  nics: [{ kind: 'network', networkId: 'net-1', portId: '', fixedIp: '' }],
  ...patch,
});

describe('Create Server body (spec 4.2)', () => {
  it('sends the minimum: name, flavorRef, imageRef, networks, security groups', () => {
    expect(buildCreateServerBody(values())).toEqual({
      server: {
        name: 'web-1',
        flavorRef: 's3.medium.2',
        imageRef: 'img-1',
        networks: [{ uuid: 'net-1' }],
        security_groups: [{ name: 'default' }],
      },
    });
  });

  it('sends every option the wizard collects', () => {
    const body = buildCreateServerBody(
      values({
        availabilityZone: 'az-1',
        description: 'front end',
        nics: [
          { kind: 'network', networkId: 'net-1', portId: '', fixedIp: ' 192.168.10.50 ' },
          { kind: 'port', networkId: '', portId: 'port-9', fixedIp: '' },
        ],
        securityGroups: ['default', 'web', 'web'],
        keyName: 'alice-key',
        userData: '#!/bin/sh\necho hi\n',
        personality: [{ path: '/etc/banner.txt', contents: 'hello' }, { path: ' ', contents: 'ignored' }],
        metadata: [{ key: 'role', value: 'web' }, { key: '', value: 'dropped' }],
        serverGroupId: 'group-1',
        schedulerHints: [{ key: 'tenancy', value: 'shared' }],
        tags: ['prod'],
      }),
      { supportsDescription: true },
    );
    expect(body).toEqual({
      server: {
        name: 'web-1',
        flavorRef: 's3.medium.2',
        imageRef: 'img-1',
        availability_zone: 'az-1',
        networks: [{ uuid: 'net-1', fixed_ip: '192.168.10.50' }, { port: 'port-9' }],
        security_groups: [{ name: 'default' }, { name: 'web' }],
        key_name: 'alice-key',
        user_data: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
        personality: [{ path: '/etc/banner.txt', contents: Buffer.from('hello').toString('base64') }],
        metadata: { role: 'web' },
        description: 'front end',
      },
      'os:scheduler_hints': { tenancy: 'shared', group: 'group-1' },
    });
    // 2.26 has no tags on create: they are set afterwards
    expect(body.server).not.toHaveProperty('tags');
  });

  it('boots from a new volume with block_device_mapping_v2 instead of imageRef (table 4-5)', () => {
    const body = buildCreateServerBody(values({ bootFromVolume: true, volumeSize: 60, deleteOnTermination: false }));
    expect(body.server.imageRef).toBeUndefined();
    expect(body.server.block_device_mapping_v2).toEqual([
      { source_type: 'image', destination_type: 'volume', uuid: 'img-1', boot_index: 0, volume_size: 60, delete_on_termination: false },
    ]);
  });

  it('boots from a volume snapshot: source_type snapshot, the size only when asked (spec 4.2)', () => {
    const snapshot = { bootSource: 'snapshot', snapshotId: 'snap-1', imageId: 'img-1', bootFromVolume: false } as const;
    const body = buildCreateServerBody(values({ ...snapshot, volumeSize: '', deleteOnTermination: false }));
    expect(body.server.imageRef).toBeUndefined();
    expect(body.server.block_device_mapping_v2).toEqual([
      { source_type: 'snapshot', destination_type: 'volume', uuid: 'snap-1', boot_index: 0, delete_on_termination: false },
    ]);
    expect(buildCreateServerBody(values({ ...snapshot, volumeSize: 80 })).server.block_device_mapping_v2).toEqual([
      { source_type: 'snapshot', destination_type: 'volume', uuid: 'snap-1', boot_index: 0, volume_size: 80, delete_on_termination: true },
    ]);
  });

  it('leaves security groups out when every interface is a port (table 4-3)', () => {
    const body = buildCreateServerBody(values({ nics: [{ kind: 'port', networkId: '', portId: 'port-1', fixedIp: '' }] }));
    expect(body.server.networks).toEqual([{ port: 'port-1' }]);
    expect(body.server.security_groups).toBeUndefined();
  });

  it('leaves the description out below microversion 2.19', () => {
    expect(buildCreateServerBody(values({ description: 'x' })).server.description).toBeUndefined();
  });

  it('takes user data from a file already in base64', () => {
    expect(userDataOf({ userDataMode: 'file', userData: 'ignored', userDataFile: { name: 'init.yaml', base64: 'aGk=' } })).toBe('aGk=');
    expect(userDataOf({ userDataMode: 'text', userData: '', userDataFile: null })).toBeUndefined();
  });

  it('sets tags once, trimmed and unique', () => {
    expect(tagsAfterCreate({ tags: [' prod ', 'prod', '', 'web'] })).toEqual(['prod', 'web']);
  });
});

describe('several servers in one create', () => {
  it('asks Nova for all or none (min_count = max_count) and for the reservation that lists them', () => {
    expect(buildCreateServerBody(values({ count: 3 })).server).toMatchObject({ name: 'web-1', min_count: 3, max_count: 3, return_reservation_id: true });
    expect(buildCreateServerBody(values({ count: 1 })).server).not.toHaveProperty('min_count');
    expect(buildOpenstackCli(values({ count: 3 }))).toContain('--min 3 --max 3 web-1');
    expect(buildOpenstackCli(values())).not.toContain('--min');
  });

  it('names them as Nova does: name-1 … name-N', () => {
    expect(serverNames({ name: 'web', count: 3 })).toEqual(['web-1', 'web-2', 'web-3']);
    expect(serverNames({ name: 'web', count: 1 })).toEqual(['web']);
    expect(serverNames({ name: 'web', count: '' })).toEqual(['web']);
  });
});

describe('openstack CLI equivalent', () => {
  it('quotes for a POSIX shell', () => {
    expect(shellQuote('web-1')).toBe('web-1');
    expect(shellQuote('my server')).toBe("'my server'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('names every option as openstackclient spells it', () => {
    const cli = buildOpenstackCli(
      values({
        name: 'my web',
        availabilityZone: 'az-1',
        nics: [{ kind: 'network', networkId: 'net-1', portId: '', fixedIp: '192.168.10.50' }],
        keyName: 'k',
        userData: 'x',
        metadata: [{ key: 'role', value: 'web server' }],
        serverGroupId: 'g-1',
        tags: ['prod'],
      }),
      { flavorName: 's3.medium.2' },
    );
    expect(cli).toBe(
      [
        "openstack server create --flavor s3.medium.2 --image img-1 --availability-zone az-1 --nic net-id=net-1,v4-fixed-ip=192.168.10.50 --security-group default --key-name k --user-data user-data.txt --property 'role=web server' --hint group=g-1 'my web'",
        "openstack --os-compute-api-version 2.26 server set --tag prod 'my web'",
      ].join('\n'),
    );
  });

  it('uses --block-device to boot from a volume', () => {
    expect(buildOpenstackCli(values({ bootFromVolume: true, volumeSize: 50 }))).toContain(
      '--block-device uuid=img-1,source_type=image,destination_type=volume,volume_size=50,boot_index=0,delete_on_termination=true',
    );
  });
});

describe('openstack CLI equivalent from a snapshot', () => {
  it('uses --block-device with source_type=snapshot, and no --image', () => {
    const cli = buildOpenstackCli(values({ bootSource: 'snapshot', snapshotId: 'snap-1', volumeSize: '' }));
    expect(cli).toContain('--block-device uuid=snap-1,source_type=snapshot,destination_type=volume,boot_index=0,delete_on_termination=true');
    expect(cli).not.toContain('--image');
    expect(buildOpenstackCli(values({ bootSource: 'snapshot', snapshotId: 'snap-1', volumeSize: 80 }))).toContain(
      'uuid=snap-1,source_type=snapshot,destination_type=volume,volume_size=80,boot_index=0',
    );
  });
});

describe('wizard presets from other pages', () => {
  it('reads image, flavor, network, key pair and group from the URL', async () => {
    const { presetFromSearch } = await import('./wizard-values');
    expect(presetFromSearch(new URLSearchParams('image=i-1&flavor=s3.large.2&network=n-1&keypair=k&group=g-1&step=review'))).toEqual({
      imageId: 'i-1',
      flavorId: 's3.large.2',
      nics: [{ kind: 'network', networkId: 'n-1', portId: '', fixedIp: '' }],
      keyName: 'k',
      serverGroupId: 'g-1',
    });
    expect(presetFromSearch(new URLSearchParams(''))).toEqual({});
  });
});
