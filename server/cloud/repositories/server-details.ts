import type { Db } from '../db/database.ts';
import { rawStmt } from '../db/statements.ts';

// What servers/detail shows of a page of servers besides their own rows, read lean for the
// detail writer (views/server-detail-json.ts): raw rows of only the columns it shows, one
// query per table, statements compiled once.

/** Rows of one table for a page, grouped by server id (the rows' first column), in their order. */
type RowsByServer = Map<string, unknown[][]>;

export interface DetailRows {
  /** [server_id, network label, MAC, address], in attach order. */
  addresses: RowsByServer;
  /** [server_id, volume_id, delete_on_termination], in attach order. */
  attachments: RowsByServer;
  /** [server_id, group name], in the order the groups were made. */
  groups: RowsByServer;
  /** [server_id, tag], by tag; only when asked for. */
  tags?: RowsByServer;
}

/**
 * Rows of `columns` for the servers of `idsJson`, ordered, as arrays: SQLite writes them as
 * one JSON text (one value into JS, not one per column per row; see listServersPage).
 */
function jsonRows(db: Db, columns: string, orderBy: string, from: string, serverColumn: string, idsJson: string): unknown[][] {
  const sql = `SELECT json_group_array(json_array(${columns}) ORDER BY ${orderBy}) FROM ${from} WHERE ${serverColumn} IN (SELECT value FROM json_each(?))`;
  return JSON.parse((rawStmt(db, sql).get(idsJson) as [string])[0]) as unknown[][];
}

/** Groups raw rows by their first column (a server id), keeping their order. */
function byServer(rows: unknown[][]): RowsByServer {
  const out: RowsByServer = new Map();
  for (const r of rows) {
    const id = r[0] as string;
    const list = out.get(id);
    if (list) list.push(r);
    else out.set(id, [r]);
  }
  return out;
}

export function detailRowsOf(db: Db, serverIds: string[], withTags: boolean): DetailRows {
  const idsJson = JSON.stringify(serverIds);
  return {
    addresses: byServer(jsonRows(db, 'p.server_id, n.label, p.mac_addr, p.ip_address', 'p.seq', 'ports p JOIN networks n ON n.id = p.network_id', 'p.server_id', idsJson)),
    attachments: byServer(jsonRows(db, 'server_id, volume_id, delete_on_termination', 'seq', 'volume_attachments', 'server_id', idsJson)),
    groups: byServer(
      jsonRows(db, 's.server_id, g.name', 'g.seq', 'server_security_groups s JOIN security_groups g ON g.id = s.group_id', 's.server_id', idsJson),
    ),
    tags: withTags ? byServer(jsonRows(db, 'server_id, tag', 'server_id, tag', 'server_tags', 'server_id', idsJson)) : undefined,
  };
}
