import type { Db } from '../db/database.ts';
import { stmt } from '../db/statements.ts';

// What the server lists keep between requests: each server's rendered detail JSON, per view
// variant, so that a list right after a write re-reads and re-renders only the servers the
// write touched (a console polling servers/detail of a thousand servers after each action).
// The rows themselves are read per page, in the list indexes (repositories/servers.ts).
//
// SQLite itself says what changed: temporary triggers on every table a listed server's
// detail view reads (servers, ports, networks' labels, volume attachments, security
// groups and their names, tags) call back into JS with the server's id, whatever code path
// wrote, and that server's JSON is dropped. Dropping is always safe, even for a write later
// rolled back. Writes by another connection are seen through data_version and drop
// everything. Inside a transaction nothing is read from or stored in the cache: what it
// would see may yet be rolled back (and the triggers are only created outside one, so that
// a rollback cannot take them away).

const TOUCHED = 'ecs_list_server_touched';

/** The triggers: table, event, and the statement that reports the servers it touches (`%(id)`). */
const TRIGGERS: [table: string, event: string, touched: string][] = [
  ['servers', 'INSERT', 'SELECT %(NEW.id)'],
  ['servers', 'UPDATE', 'SELECT %(OLD.id), %(NEW.id)'],
  ['servers', 'DELETE', 'SELECT %(OLD.id)'],
  ...(['ports', 'volume_attachments', 'server_security_groups', 'server_tags'] as const).flatMap((t): [string, string, string][] => [
    [t, 'INSERT', 'SELECT %(NEW.server_id)'],
    [t, 'UPDATE', 'SELECT %(OLD.server_id), %(NEW.server_id)'],
    [t, 'DELETE', 'SELECT %(OLD.server_id)'],
  ]),
  // Addresses are grouped by network label, security groups listed by name.
  ['networks', 'UPDATE', 'SELECT %(server_id) FROM main.ports WHERE network_id IN (OLD.id, NEW.id)'],
  ['networks', 'DELETE', 'SELECT %(server_id) FROM main.ports WHERE network_id = OLD.id'],
  ['security_groups', 'UPDATE', 'SELECT %(server_id) FROM main.server_security_groups WHERE group_id IN (OLD.id, NEW.id)'],
  ['security_groups', 'DELETE', 'SELECT %(server_id) FROM main.server_security_groups WHERE group_id = OLD.id'],
];

/** At most this many view variants are kept; a variant holds one string per server listed through it (~1.4 KB each). */
const MAX_VARIANTS = 16;

class ServerListCache {
  /** Rendered detail JSON (UTF-8) of each server, per view variant (microversion, role, URLs). */
  private readonly variants = new Map<string, Map<string, Buffer>>();
  private dataVersion: number;

  constructor(private readonly db: Db) {
    db.function(TOUCHED, (id: unknown) => {
      if (typeof id === 'string') for (const v of this.variants.values()) v.delete(id);
      return null;
    });
    // Before a network or group changes, while its servers can still be found through it.
    const timing = (table: string) => (table === 'networks' || table === 'security_groups' ? 'BEFORE' : 'AFTER');
    db.exec(
      TRIGGERS.map(
        ([table, event, touched]) =>
          `CREATE TEMP TRIGGER IF NOT EXISTS ecs_list_${table}_${event.toLowerCase()} ${timing(table)} ${event} ON main.${table} ` +
          `BEGIN ${touched.replaceAll('%(', `${TOUCHED}(`)}; END;`,
      ).join('\n'),
    );
    this.dataVersion = this.currentDataVersion();
  }

  private currentDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  fragments(variant: string): Map<string, Buffer> {
    // Another connection committed since the last look: forget everything.
    const version = this.currentDataVersion();
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.variants.clear();
    }
    let v = this.variants.get(variant);
    if (!v) {
      this.variants.set(variant, (v = new Map()));
      if (this.variants.size > MAX_VARIANTS) this.variants.delete(this.variants.keys().next().value!);
    }
    return v;
  }
}

const caches = new WeakMap<Db, ServerListCache>();
function cacheOf(db: Db): ServerListCache | undefined {
  if (db.inTransaction) return undefined;
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new ServerListCache(db)));
  return c;
}

/**
 * The rendered detail JSON of servers for one view variant (everything besides the data a
 * server's JSON depends on), by server id; undefined inside a transaction. Only servers
 * whose JSON does not move with the clock (no task in flight) belong in it.
 */
export function detailFragments(db: Db, variant: string): Map<string, Buffer> | undefined {
  return cacheOf(db)?.fragments(variant);
}

/**
 * A value that changes with every write to the database: SQLite's change counter of this
 * connection (total_changes) plus data_version for the writes of other connections.
 */
export function databaseVersion(db: Db): string {
  const changes = (stmt(db, 'SELECT total_changes() AS c').get() as { c: number }).c;
  return `${changes}/${db.pragma('data_version', { simple: true }) as number}`;
}
