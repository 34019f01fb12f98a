import { describe, expect, it } from 'vitest';
import type { Server } from '../schemas';
import { bySize, resizeOverQuota, resizeTargetProblem } from './dialogs/resize-dialog';
import { detachBlock } from './network-tab';
import { portRange } from './security-groups-tab';
import { attachableVolumes, volumeDetachBlock } from './volumes-tab';

const port = (id: string) => ({ port_id: id, net_id: 'n', fixed_ips: [] });

describe('rules the detail page enforces before sending', () => {
  it('13.2: the primary NIC comes off only after the other interfaces', () => {
    expect(detachBlock([port('a'), port('b')], 'a')).toBe('primary');
    expect(detachBlock([port('a'), port('b')], 'b')).toBeNull();
    expect(detachBlock([port('a')], 'a')).toBeNull();
  });

  it('12.2: the system disk is detached only while the server is stopped', () => {
    const server = (vm: string, root?: string, image: Server['image'] = null) =>
      ({ status: vm === 'stopped' ? 'SHUTOFF' : 'ACTIVE', 'OS-EXT-STS:vm_state': vm, image, 'OS-EXT-SRV-ATTR:root_device_name': root }) as Server;
    const attachment = (device: string) => ({ id: 'v', volumeId: 'v', device });
    expect(volumeDetachBlock(server('active', '/dev/vda'), attachment('/dev/vda'))).toBe('rootWhileRunning');
    expect(volumeDetachBlock(server('stopped', '/dev/vda'), attachment('/dev/vda'))).toBeNull();
    expect(volumeDetachBlock(server('active', '/dev/vda'), attachment('/dev/vdb'))).toBeNull();
    // a member does not see root_device_name: a volume-booted server's first disk is its root
    expect(volumeDetachBlock(server('active'), attachment('/dev/sda'))).toBe('rootWhileRunning');
    expect(volumeDetachBlock(server('active', undefined, { id: 'img' }), attachment('/dev/vda'))).toBeNull();
  });

  it('12.1: only available volumes of the server\'s zone are offered', () => {
    const volumes = [
      { id: '1', status: 'available', size: 1, availabilityZone: 'az-1' },
      { id: '2', status: 'in-use', size: 1, availabilityZone: 'az-1' },
      { id: '3', status: 'available', size: 1, availabilityZone: 'az-2' },
    ];
    expect(attachableVolumes(volumes, 'az-1').map((v) => v.id)).toEqual(['1']);
  });

  it('5.1: a resize refuses the current flavor, smaller disks and disabled flavors', () => {
    const flavor = (id: string, disk: number, disabled = false) => ({ id, name: id, vcpus: 1, ram: 1024, disk, disabled });
    const current = flavor('m', 40);
    expect(resizeTargetProblem(current, flavor('m', 40))).toBe('same');
    expect(resizeTargetProblem(current, flavor('s', 20))).toBe('smallerDisk');
    expect(resizeTargetProblem(current, flavor('l', 80, true))).toBe('disabled');
    expect(resizeTargetProblem(current, flavor('l', 40))).toBeNull();
    expect(resizeTargetProblem(undefined, flavor('s', 20))).toBeNull();
  });

  it('5.1: resize flavors listed by size, and those over the quota marked', () => {
    const f = (name: string, vcpus: number, ram: number, disk = 40) => ({ id: name, name, vcpus, ram, disk, disabled: false });
    const flavors = [f('m6.xlarge.8', 4, 32768), f('c6.large.2', 2, 4096), f('s3.medium.2', 1, 2048), f('c6.large.4', 2, 8192)];
    expect(bySize(flavors).map((x) => x.name)).toEqual(['s3.medium.2', 'c6.large.2', 'c6.large.4', 'm6.xlarge.8']);
    const limits = { maxTotalCores: 4, totalCoresUsed: 3, maxTotalRAMSize: 51200, totalRAMUsed: 30720 };
    const current = flavors[2];
    // growing by one vCPU fits (3 + 1 ≤ 4); by three does not, nor 30 GB more RAM
    expect(resizeOverQuota(limits, current, flavors[1])).toEqual([]);
    expect(resizeOverQuota(limits, current, flavors[0])).toEqual(['cores', 'ram']);
    expect(resizeTargetProblem(current, flavors[0], limits)).toBe('overQuota');
    // a smaller flavor frees quota: never over it
    expect(resizeOverQuota({ ...limits, totalCoresUsed: 9 }, flavors[0], current)).toEqual([]);
  });

  it('22.6: rule port ranges read as people write them', () => {
    expect(portRange({ ip_protocol: 'tcp', from_port: 22, to_port: 22 })).toBe('22');
    expect(portRange({ ip_protocol: 'tcp', from_port: 1000, to_port: 2000 })).toBe('1000–2000');
    expect(portRange({ ip_protocol: 'tcp', from_port: 1, to_port: 65535 })).toBeNull();
    expect(portRange({ ip_protocol: 'icmp', from_port: -1, to_port: -1 })).toBeNull();
    expect(portRange({ ip_protocol: 'icmp', from_port: 8, to_port: 0 })).toBe('type 8 / code 0');
    expect(portRange({ ip_protocol: null, from_port: null, to_port: null })).toBeNull();
  });
});
