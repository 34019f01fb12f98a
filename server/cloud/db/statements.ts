import type Database from 'better-sqlite3';
import type { Db } from './database.ts';

// Prepared statements are cached per database: better-sqlite3 compiles each once.
type Statement = Database.Statement<unknown[]>;
const cache = new WeakMap<Db, Map<string, Statement>>();
const rawCache = new WeakMap<Db, Map<string, Statement>>();

function cached(store: WeakMap<Db, Map<string, Statement>>, db: Db, sql: string, raw: boolean): Statement {
  let m = store.get(db);
  if (!m) store.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = raw ? db.prepare<unknown[]>(sql).raw(true) : db.prepare<unknown[]>(sql)));
  return s;
}

/** The prepared statement of `sql` on this database, compiled at its first use. */
export const stmt = (db: Db, sql: string): Statement => cached(cache, db, sql, false);

/** Like stmt, answering rows as arrays (no object per row: lists of a thousand read these). */
export const rawStmt = (db: Db, sql: string): Statement => cached(rawCache, db, sql, true);
