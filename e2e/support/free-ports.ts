// The embedded cloud's free ports: ports a tenant owns that no server holds, which Attach
// Interface takes by port_id (13.1). The seed gives every demo project one. No API of the
// spec lists or creates ports (that is Neutron's), so this reads the cloud's database,
// read-only, at the path global setup gives in E2E_CLOUD_DB.
import Database from 'better-sqlite3';
import { freePorts, type Port } from '../../server/cloud/repositories/ports.ts';

function cloudDbPath(): string {
  const path = process.env.E2E_CLOUD_DB;
  if (!path) throw new Error("E2E_CLOUD_DB is not set: run the specs through playwright.config.ts (global setup)");
  return path;
}

/** The project's ports that no server holds, oldest first. */
export function freePortsOf(projectId: string): Port[] {
  const db = new Database(cloudDbPath(), { readonly: true, fileMustExist: true });
  try {
    return freePorts(db, projectId);
  } finally {
    db.close();
  }
}
