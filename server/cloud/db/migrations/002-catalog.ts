import type { Migration } from './migration.ts';

/**
 * The resources area: flavors, images, keypairs, availability zones, networks and ports,
 * security groups, volumes and snapshots. Times are ISO strings as the API prints them;
 * `due_at` columns hold the epoch ms at which a transitional state ends, so the
 * transition engine resumes after a restart. Server ids are plain TEXT without a foreign
 * key: the servers table belongs to a later migration (003-compute).
 */
const migrations: Migration[] = [
  {
    id: '002-catalog',
    sql: `
    CREATE TABLE flavors (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      vcpus INTEGER NOT NULL,
      ram INTEGER NOT NULL,
      disk INTEGER NOT NULL,
      swap INTEGER NOT NULL DEFAULT 0,
      ephemeral INTEGER NOT NULL DEFAULT 0,
      rxtx_factor REAL NOT NULL DEFAULT 1.0,
      is_public INTEGER NOT NULL DEFAULT 1,
      disabled INTEGER NOT NULL DEFAULT 0,
      extra_specs TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL
    );
    -- Projects that may use a private flavor (Nova's flavor access list).
    CREATE TABLE flavor_projects (
      flavor_id TEXT NOT NULL REFERENCES flavors(id) ON DELETE CASCADE,
      project_id TEXT NOT NULL REFERENCES projects(id),
      PRIMARY KEY (flavor_id, project_id)
    );

    CREATE TABLE images (
      id TEXT PRIMARY KEY,
      -- NULL for the cloud's public images; the owner of a snapshot image otherwise.
      project_id TEXT REFERENCES projects(id),
      user_id TEXT,
      name TEXT,
      -- Glance's statuses (queued, saving, active, killed, deleted); the API maps them.
      status TEXT NOT NULL,
      visibility TEXT NOT NULL DEFAULT 'private',
      min_disk INTEGER NOT NULL DEFAULT 0,
      min_ram INTEGER NOT NULL DEFAULT 0,
      size INTEGER,
      server_id TEXT,
      metadata TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      due_at INTEGER,
      seq INTEGER NOT NULL
    );
    CREATE INDEX images_project ON images(project_id);
    CREATE INDEX images_due ON images(due_at) WHERE due_at IS NOT NULL;

    CREATE TABLE keypairs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id TEXT NOT NULL REFERENCES users(id),
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (user_id, name)
    );

    CREATE TABLE availability_zones (
      name TEXT PRIMARY KEY,
      available INTEGER NOT NULL DEFAULT 1,
      -- Compute hosts of the zone: [{host, services: {service: {available, active, updated_at}}}]
      hosts TEXT NOT NULL DEFAULT '[]',
      position INTEGER NOT NULL
    );

    CREATE TABLE networks (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES projects(id),
      label TEXT NOT NULL,
      subnet_id TEXT NOT NULL UNIQUE,
      cidr TEXT NOT NULL,
      gateway TEXT NOT NULL,
      dns1 TEXT,
      dns2 TEXT,
      mtu INTEGER NOT NULL DEFAULT 1500,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX networks_project ON networks(project_id);

    CREATE TABLE ports (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES projects(id),
      network_id TEXT NOT NULL REFERENCES networks(id),
      server_id TEXT,
      mac_addr TEXT NOT NULL UNIQUE,
      ip_address TEXT NOT NULL,
      port_state TEXT NOT NULL DEFAULT 'DOWN',
      -- 1 when Nova made the port for a server (deleted on detach), 0 when the user brought it.
      created_by_server INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      seq INTEGER NOT NULL,
      UNIQUE (network_id, ip_address)
    );
    CREATE INDEX ports_server ON ports(server_id);

    CREATE TABLE security_groups (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES projects(id),
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE INDEX security_groups_project ON security_groups(project_id);
    CREATE UNIQUE INDEX security_groups_one_default ON security_groups(project_id) WHERE name = 'default';

    CREATE TABLE security_group_rules (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES security_groups(id) ON DELETE CASCADE,
      -- Neutron's direction: the Nova API shows and creates ingress rules only.
      direction TEXT NOT NULL DEFAULT 'ingress',
      ethertype TEXT NOT NULL DEFAULT 'IPv4',
      protocol TEXT,
      from_port INTEGER,
      to_port INTEGER,
      cidr TEXT,
      -- Neutron drops rules that name a deleted group as their source.
      remote_group_id TEXT REFERENCES security_groups(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE INDEX security_group_rules_group ON security_group_rules(group_id);
    CREATE INDEX security_group_rules_remote ON security_group_rules(remote_group_id);

    -- Which security groups a server uses (set at boot and by add/removeSecurityGroup).
    CREATE TABLE server_security_groups (
      server_id TEXT NOT NULL,
      group_id TEXT NOT NULL REFERENCES security_groups(id),
      PRIMARY KEY (server_id, group_id)
    );
    CREATE INDEX server_security_groups_group ON server_security_groups(group_id);

    CREATE TABLE volumes (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES projects(id),
      user_id TEXT,
      name TEXT,
      description TEXT,
      size INTEGER NOT NULL,
      availability_zone TEXT NOT NULL,
      volume_type TEXT,
      snapshot_id TEXT,
      image_id TEXT,
      -- Cinder's statuses: creating, available, in-use, deleting, error.
      status TEXT NOT NULL,
      metadata TEXT NOT NULL DEFAULT '{}',
      bootable INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      due_at INTEGER,
      seq INTEGER NOT NULL
    );
    CREATE INDEX volumes_project ON volumes(project_id);
    CREATE INDEX volumes_due ON volumes(due_at) WHERE due_at IS NOT NULL;

    CREATE TABLE volume_attachments (
      id TEXT PRIMARY KEY,
      volume_id TEXT NOT NULL UNIQUE REFERENCES volumes(id) ON DELETE CASCADE,
      server_id TEXT NOT NULL,
      device TEXT NOT NULL,
      delete_on_termination INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE INDEX volume_attachments_server ON volume_attachments(server_id);

    CREATE TABLE snapshots (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES projects(id),
      volume_id TEXT NOT NULL REFERENCES volumes(id),
      name TEXT,
      description TEXT,
      size INTEGER NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      due_at INTEGER,
      seq INTEGER NOT NULL
    );
    CREATE INDEX snapshots_project ON snapshots(project_id);
    CREATE INDEX snapshots_volume ON snapshots(volume_id);
    CREATE INDEX snapshots_due ON snapshots(due_at) WHERE due_at IS NOT NULL;
  `,
  },
];
export default migrations;
