import type { Db } from '../db/database.ts';
import type { DemoProjects, DemoUsers } from './demo.ts';
import { POWER } from '../lifecycle/states.ts';
import { isoNow, microTime, uuid } from '../ids.ts';
import { listAvailabilityZones } from '../repositories/availability-zones.ts';
import { getFlavor } from '../repositories/flavors.ts';
import { listImages } from '../repositories/images.ts';
import { recordAction } from '../repositories/instance-actions.ts';
import { getKeypair } from '../repositories/keypairs.ts';
import { listNetworks } from '../repositories/networks.ts';
import { setServerSecurityGroups } from '../repositories/security-groups.ts';
import { insertServer, nextServerSeq, replaceTags } from '../repositories/servers.ts';
import { allocatePort } from '../services/ports.ts';
import { defaultSecurityGroup, findSecurityGroup } from '../services/security-groups.ts';
import { hostnameOf } from '../services/server-placement.ts';

interface DemoServer {
  project: keyof DemoProjects;
  user: keyof DemoUsers;
  name: string;
  flavor: string;
  image: string;
  zone: string;
  state: 'active' | 'stopped';
  tags: string[];
  metadata: Record<string, string>;
  groups?: string[];
  key?: string;
  /** Days before the seed that the server was created. */
  age: number;
}

const DEMO: DemoServer[] = [
  { project: 'alpha', user: 'alice', name: 'web-01', flavor: 's3.large.2', image: 'Ubuntu 22.04', zone: 'az-1', state: 'active', tags: ['web', 'prod'], metadata: { role: 'web', owner: 'alice' }, groups: ['default', 'web'], key: 'alice-laptop', age: 30 },
  { project: 'alpha', user: 'alice', name: 'web-02', flavor: 's3.large.2', image: 'Ubuntu 22.04', zone: 'az-2', state: 'active', tags: ['web', 'prod'], metadata: { role: 'web', owner: 'alice' }, groups: ['default', 'web'], key: 'alice-laptop', age: 29 },
  { project: 'alpha', user: 'alice', name: 'db-01', flavor: 'm6.large.8', image: 'CentOS 7.9', zone: 'az-1', state: 'stopped', tags: ['db'], metadata: { role: 'database', backup: 'daily' }, age: 12 },
  { project: 'beta', user: 'bob', name: 'app-01', flavor: 'c6.large.2', image: 'openEuler', zone: 'az-2', state: 'active', tags: ['app'], metadata: { team: 'beta' }, key: 'bob-laptop', age: 20 },
  { project: 'beta', user: 'bob', name: 'batch-01', flavor: 's3.medium.2', image: 'Debian', zone: 'az-2', state: 'stopped', tags: ['batch', 'nightly'], metadata: { schedule: '02:00' }, age: 5 },
  { project: 'admin', user: 'admin', name: 'ops-bastion', flavor: 's3.medium.2', image: 'Ubuntu 22.04', zone: 'az-1', state: 'active', tags: ['ops'], metadata: { purpose: 'bastion' }, age: 60 },
];

/**
 * A few demo servers per project, already ACTIVE or SHUTOFF, with the instance actions
 * that brought them there, so the console has something to show on first start.
 */
export function seedServers(db: Db, projects: DemoProjects, users: DemoUsers): void {
  const zones = listAvailabilityZones(db);
  const now = Date.now();
  DEMO.forEach((d, n) => {
    const projectId = projects[d.project];
    const userId = users[d.user];
    const flavor = getFlavor(db, d.flavor);
    const image = listImages(db, projectId, {}).find((i) => i.name?.startsWith(d.image));
    const zone = zones.find((z) => z.zoneName === d.zone) ?? zones[0];
    const network = listNetworks(db, projectId)[0];
    if (!flavor || !image || !zone) return;
    const host = zone.hosts[n % zone.hosts.length]?.host ?? null;
    const id = uuid();
    const createdMs = now - d.age * 86_400_000;
    const launchedMs = createdMs + 47_000;
    const stoppedMs = createdMs + Math.floor(d.age / 2) * 86_400_000 + 3_600_000;
    const updatedMs = d.state === 'stopped' ? stoppedMs + 9_000 : launchedMs;
    insertServer(db, {
      id,
      seq: nextServerSeq(db),
      project_id: projectId,
      user_id: userId,
      name: d.name,
      description: `${d.name} (demo)`,
      image_id: image.id,
      flavor_id: flavor.id,
      vcpus: flavor.vcpus,
      memory_mb: flavor.ram,
      old_flavor_id: null,
      key_name: d.key && getKeypair(db, userId, d.key) ? d.key : null,
      availability_zone: zone.zoneName,
      host,
      node: host,
      hostname: hostnameOf(d.name, id),
      reservation_id: `r-${id.slice(0, 8)}`,
      launch_index: 0,
      root_device_name: '/dev/vda',
      user_data: null,
      config_drive: '',
      disk_config: 'MANUAL',
      access_ipv4: '',
      access_ipv6: '',
      metadata: JSON.stringify(d.metadata),
      personality: '[]',
      vm_state: d.state,
      task_state: null,
      power_state: d.state === 'active' ? POWER.RUNNING : POWER.SHUTDOWN,
      progress: 100,
      locked_by: null,
      task_started_at: null,
      due_at: null,
      task_payload: null,
      fault: null,
      password: '',
      pending_password: null,
      group_id: null,
      created_at: isoNow(createdMs),
      updated_at: isoNow(updatedMs),
      launched_at: microTime(launchedMs),
      terminated_at: null,
      deleted: 0,
      deleted_at: null,
    });
    const groups = (d.groups ?? ['default']).map((g) => (g === 'default' ? defaultSecurityGroup(db, projectId) : findSecurityGroup(db, projectId, g)));
    setServerSecurityGroups(db, id, groups.flatMap((g) => (g ? [g.id] : [])));
    if (network) allocatePort(db, { projectId, networkId: network.id, serverId: id });
    replaceTags(db, id, d.tags);
    const action = (name: string, event: string, at: number, took: number) => {
      const actionId = recordAction(db, { serverId: id, requestId: `req-${uuid()}`, action: name, projectId, userId, nowMs: at, event });
      db.prepare('UPDATE instance_action_events SET finish_time = ?, finish_ms = ?, result = ? WHERE action_id = ?').run(
        new Date(at + took).toISOString().replace('Z', '000'),
        at + took,
        'Success',
        actionId,
      );
    };
    action('create', 'compute_build_and_run_instance', createdMs, 47_000);
    if (d.state === 'stopped') action('stop', 'compute_stop_instance', stoppedMs, 9_000);
  });
}
