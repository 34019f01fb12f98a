import type { Db } from '../db/database.ts';
import type { DemoProjects, DemoUsers } from './demo.ts';
import { createAvailabilityZone } from '../repositories/availability-zones.ts';
import { createFlavor, type NewFlavor } from '../repositories/flavors.ts';
import { insertImage } from '../repositories/images.ts';
import { generateEd25519PublicKey } from '../services/ssh-keys.ts';
import { insertVolume } from '../repositories/volumes.ts';
import { createNetwork } from '../services/networks.ts';
import { allocatePort } from '../services/ports.ts';
import { createDefaultSecurityGroup, createSecurityGroup } from '../services/security-groups.ts';
import { createSecurityGroupRule } from '../services/security-group-rules.ts';
import { createSnapshot } from '../services/snapshots.ts';
import { advanceSnapshots } from '../repositories/snapshots.ts';
import { createKeypair } from '../services/keypairs.ts';

const ZONES = ['az-1', 'az-2'];

/**
 * Huawei-style flavors: the id is the name (s3.small.1 = series s3, size small, 1 GiB per
 * vCPU), extra specs as ECS publishes them. One is disabled (an old generation), one is
 * private to project alpha (a GPU flavor granted to it).
 */
function flavorCatalogue(alpha: string): NewFlavor[] {
  const zones = ZONES.map((z) => `${z}(normal)`).join(',');
  const specs = (generation: string, performance: string, extra: Record<string, string> = {}) => ({
    'ecs:generation': generation,
    'ecs:performancetype': performance,
    'ecs:virtualization_env_types': 'CloudCompute',
    resource_type: `IOoptimized${generation.toUpperCase()}`,
    'cond:operation:status': 'normal',
    'cond:operation:az': zones,
    'hw:numa_nodes': '1',
    ...extra,
  });
  const size = (id: string, vcpus: number, ram: number, disk: number, generation: string, performance: string) => ({
    id,
    name: id,
    vcpus,
    ram,
    disk,
    is_public: true,
    extra_specs: specs(generation, performance, {
      'quota:max_rate': String(vcpus * 800),
      'quota:min_rate': String(vcpus * 100),
      'quota:max_pps': String(vcpus * 100_000),
    }),
  });
  return [
    size('s3.small.1', 1, 1024, 20, 's3', 'normal'),
    size('s3.medium.2', 1, 2048, 40, 's3', 'normal'),
    size('s3.large.2', 2, 4096, 40, 's3', 'normal'),
    size('s3.xlarge.2', 4, 8192, 40, 's3', 'normal'),
    size('s3.2xlarge.4', 8, 32768, 80, 's3', 'normal'),
    size('c6.large.2', 2, 4096, 40, 'c6', 'computingv3'),
    size('c6.xlarge.2', 4, 8192, 40, 'c6', 'computingv3'),
    size('c6.2xlarge.4', 8, 32768, 80, 'c6', 'computingv3'),
    size('m6.large.8', 2, 16384, 40, 'm6', 'highmem'),
    size('m6.xlarge.8', 4, 32768, 80, 'm6', 'highmem'),
    { ...size('s2.medium.4', 1, 4096, 40, 's2', 'normal'), disabled: true, swap: 0 },
    {
      ...size('p2s.2xlarge.8', 8, 65536, 100, 'p2s', 'gpu'),
      is_public: false,
      projects: [alpha],
      extra_specs: specs('p2s', 'gpu', { 'pci_passthrough:alias': 'nvidia-v100:1', 'pci_passthrough:enable_gpu': 'true' }),
    },
  ];
}

const GiB = 1024 ** 3;

/** Public images with the properties ECS's image service sets (section 7.3's sample). */
const PUBLIC_IMAGES = [
  { name: 'CentOS 7.9 64bit', os: 'Linux', platform: 'CentOS', version: 'CentOS 7.9 64bit', minDisk: 40, minRam: 0, size: 1.1 },
  { name: 'Ubuntu 22.04 server 64bit', os: 'Linux', platform: 'Ubuntu', version: 'Ubuntu 22.04 server 64bit', minDisk: 40, minRam: 0, size: 2.3 },
  { name: 'Ubuntu 20.04 server 64bit', os: 'Linux', platform: 'Ubuntu', version: 'Ubuntu 20.04 server 64bit', minDisk: 40, minRam: 0, size: 2.1 },
  { name: 'EulerOS 2.5 64bit', os: 'Linux', platform: 'EulerOS', version: 'EulerOS 2.5 64bit', minDisk: 40, minRam: 0, size: 1.6 },
  { name: 'openEuler 22.03 64bit', os: 'Linux', platform: 'openEuler', version: 'openEuler 22.03 64bit', minDisk: 40, minRam: 0, size: 1.4 },
  { name: 'Debian 11.1.0 64bit', os: 'Linux', platform: 'Debian', version: 'Debian GNU/Linux 11.1.0 64bit', minDisk: 40, minRam: 0, size: 1.2 },
  {
    name: 'Windows Server 2019 Datacenter 64bit',
    os: 'Windows',
    platform: 'Windows',
    version: 'Windows Server 2019 Datacenter 64bit English',
    minDisk: 40,
    minRam: 2048,
    size: 9.8,
  },
];

function imageMetadata(i: (typeof PUBLIC_IMAGES)[number]): Record<string, string> {
  return {
    __os_version: i.version,
    __os_type: i.os,
    __platform: i.platform,
    __os_bit: '64',
    __imagetype: 'gold',
    __isregistered: 'true',
    __support_kvm: 'true',
    __quick_start: 'false',
    virtual_env_type: 'FusionCompute',
    hw_disk_bus: 'scsi',
    hw_vif_multiqueue_enabled: 'true',
    file_format: 'zvhd2',
    describe: '',
  };
}

/** Flavors, public images, AZs, and per project a network, the default security group and a few volumes. */
export function seedResources(db: Db, projects: DemoProjects, users: DemoUsers): void {
  createAvailabilityZone(db, 'az-1', [
    { host: 'cna-az1-001', services: { 'nova-compute': { available: true, active: true, updated_at: null } } },
    { host: 'cna-az1-002', services: { 'nova-compute': { available: true, active: true, updated_at: null } } },
  ]);
  createAvailabilityZone(db, 'az-2', [
    { host: 'cna-az2-001', services: { 'nova-compute': { available: true, active: true, updated_at: null } } },
  ]);

  for (const f of flavorCatalogue(projects.alpha)) createFlavor(db, f);

  // Spread creation times so lists have a realistic (and stable) newest-first order.
  const base = Date.parse('2026-01-05T08:00:00Z');
  PUBLIC_IMAGES.forEach((i, n) => {
    const at = new Date(base + n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    insertImage(db, {
      projectId: null,
      name: i.name,
      status: 'active',
      visibility: 'public',
      minDisk: i.minDisk,
      minRam: i.minRam,
      size: Math.round(i.size * GiB),
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      metadata: imageMetadata(i),
      createdAt: at,
    });
  });
  insertImage(db, {
    projectId: projects.alpha,
    userId: users.alice,
    name: 'alpha-nginx-golden',
    status: 'active',
    visibility: 'private',
    minDisk: 40,
    minRam: 1024,
    size: Math.round(1.9 * GiB),
    diskFormat: 'qcow2',
    containerFormat: 'bare',
    metadata: { ...imageMetadata(PUBLIC_IMAGES[0]), __imagetype: 'private', image_source_type: 'uds' },
  });

  const cidrs: Record<keyof DemoProjects, string> = { admin: '10.0.0.0/24', alpha: '192.168.10.0/24', beta: '192.168.20.0/24' };
  for (const [key, projectId] of Object.entries(projects) as [keyof DemoProjects, string][]) {
    const net = createNetwork(db, { projectId, label: `subnet-${key}`, cidr: cidrs[key], dns1: '100.125.1.250', dns2: '100.125.64.250' });
    // A port the tenant owns, free to attach by port_id (13.1).
    allocatePort(db, { projectId, networkId: net.id, serverId: null });
    createDefaultSecurityGroup(db, projectId);
  }

  const web = createSecurityGroup(db, projects.alpha, { name: 'web', description: 'HTTP, HTTPS and SSH from anywhere' });
  for (const port of [22, 80, 443]) {
    createSecurityGroupRule(db, projects.alpha, { parent_group_id: web.id, ip_protocol: 'tcp', from_port: port, to_port: port, cidr: '0.0.0.0/0' });
  }
  createSecurityGroupRule(db, projects.alpha, { parent_group_id: web.id, ip_protocol: 'icmp', from_port: -1, to_port: -1, cidr: '0.0.0.0/0' });

  const volume = (projectId: string, userId: string, name: string, size: number, type: string, zone: string) =>
    insertVolume(db, { projectId, userId, name, description: '', size, availabilityZone: zone, volumeType: type, status: 'available' });
  const data = volume(projects.alpha, users.alice, 'alpha-data-01', 100, 'SSD', 'az-1');
  volume(projects.alpha, users.alice, 'alpha-logs', 50, 'SATA', 'az-1');
  volume(projects.beta, users.bob, 'beta-db-data', 200, 'SAS', 'az-2');
  createSnapshot(db, {
    projectId: projects.alpha,
    volumeId: data.id,
    name: 'alpha-data-01-before-upgrade',
    description: 'taken before the 2026 upgrade',
    force: false,
  }, { transitionMs: 0 });
  // Ready at once: the demo's snapshot was taken long ago.
  advanceSnapshots(db, Date.now());

  for (const [user, projectId] of [
    [users.alice, projects.alpha],
    [users.bob, projects.beta],
  ] as const) {
    const name = user === users.alice ? 'alice-laptop' : 'bob-laptop';
    createKeypair(db, { userId: user, projectId, name, type: 'ssh', publicKey: generateEd25519PublicKey(`${name}@example.com`) });
  }
}
