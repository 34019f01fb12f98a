import type { Migration } from './migration.ts';

/**
 * The servers area: servers (Nova's instances), their tags, instance actions and events,
 * server groups, and quota overrides. Deleted servers keep their row (deleted = 1) so that
 * `changes-since` can list them as DELETED, as Nova's soft-deleted instance rows do.
 * `due_at` (epoch ms) is when the server's current transitional step ends; the lifecycle
 * engine (lifecycle/engine.ts) reads it, so transitions in flight resume after a restart.
 */
const migrations: Migration[] = [
  {
    id: '003-compute',
    sql: `
    CREATE TABLE servers (
      id TEXT PRIMARY KEY,
      -- Creation order: instance-%08x names and stable ordering of equal timestamps.
      seq INTEGER NOT NULL UNIQUE,
      project_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      -- NULL when booted from a volume (the API then shows "image": "").
      image_id TEXT,
      flavor_id TEXT NOT NULL,
      -- vcpus/ram of the flavor in use, copied as Nova copies instance.vcpus/memory_mb:
      -- quota usage is one SUM over this table.
      vcpus INTEGER NOT NULL,
      memory_mb INTEGER NOT NULL,
      -- During a resize: the flavor to return to on revertResize.
      old_flavor_id TEXT,
      key_name TEXT,
      availability_zone TEXT NOT NULL,
      host TEXT,
      node TEXT,
      hostname TEXT NOT NULL,
      reservation_id TEXT NOT NULL,
      launch_index INTEGER NOT NULL DEFAULT 0,
      root_device_name TEXT,
      user_data TEXT,
      config_drive TEXT NOT NULL DEFAULT '',
      disk_config TEXT NOT NULL DEFAULT 'MANUAL',
      access_ipv4 TEXT NOT NULL DEFAULT '',
      access_ipv6 TEXT NOT NULL DEFAULT '',
      metadata TEXT NOT NULL DEFAULT '{}',
      -- Paths and sizes of the injected files, for the boot log.
      personality TEXT NOT NULL DEFAULT '[]',
      vm_state TEXT NOT NULL,
      task_state TEXT,
      power_state INTEGER NOT NULL DEFAULT 0,
      progress INTEGER NOT NULL DEFAULT 0,
      -- NULL, 'owner' or 'admin' (Nova's instance.locked_by).
      locked_by TEXT,
      -- The current transition: when it started, when its step ends, what it carries.
      task_started_at INTEGER,
      due_at INTEGER,
      task_payload TEXT,
      -- Nova's instance fault, JSON {code, message, details, created}.
      fault TEXT,
      -- The admin password as the metadata service keeps it: encrypted for the key pair, or ''.
      password TEXT NOT NULL DEFAULT '',
      -- The admin password given or generated at boot, kept only until the guest "posts"
      -- its encrypted form at first boot (Nova's metadata service flow).
      pending_password TEXT,
      group_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      launched_at TEXT,
      terminated_at TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT
    );
    CREATE INDEX servers_project ON servers(project_id, deleted);
    CREATE INDEX servers_due ON servers(due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX servers_group ON servers(group_id) WHERE group_id IS NOT NULL;

    CREATE TABLE server_tags (
      server_id TEXT NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      PRIMARY KEY (server_id, tag)
    );

    CREATE TABLE instance_actions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      server_id TEXT NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      request_id TEXT NOT NULL,
      action TEXT NOT NULL,
      project_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      start_time TEXT NOT NULL,
      -- epoch ms of start_time: the boot log orders and times its lines with it.
      start_ms INTEGER NOT NULL,
      message TEXT
    );
    CREATE INDEX instance_actions_server ON instance_actions(server_id, id);

    CREATE TABLE instance_action_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      action_id INTEGER NOT NULL REFERENCES instance_actions(id) ON DELETE CASCADE,
      event TEXT NOT NULL,
      start_time TEXT NOT NULL,
      finish_time TEXT,
      finish_ms INTEGER,
      result TEXT,
      traceback TEXT
    );
    CREATE INDEX instance_action_events_action ON instance_action_events(action_id);

    CREATE TABLE server_groups (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      name TEXT NOT NULL,
      policy TEXT NOT NULL,
      metadata TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      seq INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX server_groups_project ON server_groups(project_id);

    -- Quota overrides (Nova's quotas and project_user_quotas tables); defaults apply otherwise.
    -- user_id '' is the project's own limit.
    CREATE TABLE quotas (
      project_id TEXT NOT NULL,
      user_id TEXT NOT NULL DEFAULT '',
      resource TEXT NOT NULL,
      hard_limit INTEGER NOT NULL,
      PRIMARY KEY (project_id, user_id, resource)
    );
  `,
  },
];
export default migrations;
