import type { Db } from '../db/database.ts';
import { databaseVersion } from '../repositories/server-list-cache.ts';

/**
 * Serialized answers of the server lists (UTF-8 bytes ready to send), valid while
 * the database is unchanged. The key is the request (who asks, at which microversion,
 * through which URL, with which query); the version is SQLite's own change counter for this
 * connection (total_changes) plus data_version for other connections, so any write anywhere
 * makes every entry stale and nothing outdated is ever served. A console polling an unchanged list of a thousand
 * servers then costs a lookup instead of a rebuild (and its compressed form, kept with the
 * same Buffer by plugins/compression.ts, no new compression). Pages with a server in
 * transition are not kept: their progress moves with the clock.
 */
export class ListCache {
  private readonly entries = new Map<string, { version: string; body: Buffer }>();
  private chars = 0;

  /** At most `maxEntries` answers and `maxChars` bytes (a 1,000-server page is ~1.4 M). */
  constructor(
    private readonly db: Db,
    private readonly maxEntries = 64,
    private readonly maxChars = 16_000_000,
  ) {}

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.chars -= old.body.length;
    this.entries.delete(key);
  }

  answer(key: string, build: () => { body: Buffer; cacheable: boolean }): Buffer {
    const version = databaseVersion(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh its place: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.body;
    }
    const built = build();
    const body = built.body;
    this.drop(key);
    if (built.cacheable && body.length <= this.maxChars) {
      this.entries.set(key, { version, body });
      this.chars += body.length;
      while (this.entries.size > this.maxEntries || this.chars > this.maxChars) this.drop(this.entries.keys().next().value!);
    }
    return body;
  }
}
