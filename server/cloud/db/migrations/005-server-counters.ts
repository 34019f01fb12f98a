import type { Migration } from './migration.ts';

/**
 * What a create asks of the whole table, kept as it changes: quota usage per project and
 * user (Nova counts live instances, their vcpus and memory_mb) and the live servers of each
 * host (what placement balances). Triggers on `servers` keep both, whatever writes, in the
 * writer's transaction; a soft delete (deleted = 1) leaves them as a hard delete does. A
 * create then reads two short rows instead of counting ten thousand servers.
 *
 * Indexes for the lists and sequences that grow with the servers: the server lists in
 * Nova's order (newest first) for a project and for every project, and `seq` of ports,
 * volumes and attachments (a new row takes MAX(seq) + 1); ports by network and seq (the
 * last address given on a network).
 */
const migration: Migration = {
  id: '005-server-counters',
  sql: `
    CREATE TABLE server_usage (
      project_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      instances INTEGER NOT NULL,
      cores INTEGER NOT NULL,
      ram INTEGER NOT NULL,
      PRIMARY KEY (project_id, user_id)
    ) WITHOUT ROWID;
    INSERT INTO server_usage (project_id, user_id, instances, cores, ram)
      SELECT project_id, user_id, COUNT(*), SUM(vcpus), SUM(memory_mb) FROM servers WHERE deleted = 0 GROUP BY project_id, user_id;

    CREATE TABLE host_load (
      host TEXT PRIMARY KEY,
      servers INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO host_load (host, servers)
      SELECT host, COUNT(*) FROM servers WHERE deleted = 0 AND host IS NOT NULL GROUP BY host;

    CREATE TRIGGER servers_count_insert AFTER INSERT ON servers WHEN NEW.deleted = 0
    BEGIN
      INSERT INTO server_usage (project_id, user_id, instances, cores, ram)
        VALUES (NEW.project_id, NEW.user_id, 1, NEW.vcpus, NEW.memory_mb)
        ON CONFLICT (project_id, user_id) DO UPDATE
          SET instances = instances + 1, cores = cores + excluded.cores, ram = ram + excluded.ram;
      INSERT INTO host_load (host, servers) SELECT NEW.host, 1 WHERE NEW.host IS NOT NULL
        ON CONFLICT (host) DO UPDATE SET servers = servers + 1;
    END;

    CREATE TRIGGER servers_count_update AFTER UPDATE OF deleted, project_id, user_id, vcpus, memory_mb, host ON servers
    BEGIN
      UPDATE server_usage SET instances = instances - 1, cores = cores - OLD.vcpus, ram = ram - OLD.memory_mb
        WHERE OLD.deleted = 0 AND project_id = OLD.project_id AND user_id = OLD.user_id;
      INSERT INTO server_usage (project_id, user_id, instances, cores, ram)
        SELECT NEW.project_id, NEW.user_id, 1, NEW.vcpus, NEW.memory_mb WHERE NEW.deleted = 0
        ON CONFLICT (project_id, user_id) DO UPDATE
          SET instances = instances + 1, cores = cores + excluded.cores, ram = ram + excluded.ram;
      UPDATE host_load SET servers = servers - 1 WHERE OLD.deleted = 0 AND host = OLD.host;
      INSERT INTO host_load (host, servers) SELECT NEW.host, 1 WHERE NEW.deleted = 0 AND NEW.host IS NOT NULL
        ON CONFLICT (host) DO UPDATE SET servers = servers + 1;
    END;

    CREATE TRIGGER servers_count_delete AFTER DELETE ON servers WHEN OLD.deleted = 0
    BEGIN
      UPDATE server_usage SET instances = instances - 1, cores = cores - OLD.vcpus, ram = ram - OLD.memory_mb
        WHERE project_id = OLD.project_id AND user_id = OLD.user_id;
      UPDATE host_load SET servers = servers - 1 WHERE host = OLD.host;
    END;

    DROP INDEX servers_project;
    CREATE INDEX servers_list ON servers(project_id, deleted, created_at, seq);
    CREATE INDEX servers_list_all ON servers(deleted, created_at, seq);
    CREATE INDEX ports_seq ON ports(seq);
    CREATE INDEX ports_network_seq ON ports(network_id, seq);
    CREATE INDEX volumes_seq ON volumes(seq);
    CREATE INDEX volume_attachments_seq ON volume_attachments(seq);
  `,
};
export default migration;
