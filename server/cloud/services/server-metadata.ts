import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { isoNow } from '../ids.ts';
import { RULES, checkLock, checkState } from '../lifecycle/states.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { metadataOf, updateServer } from '../repositories/servers.ts';
import { findServer } from './servers.ts';

// Chapter 10: server metadata. PUT replaces, POST merges; both obey metadata_items.

type Metadata = Record<string, string>;

/**
 * Nova's _update_instance_metadata: state and lock checked, quota counted on the result.
 * Nova records no instance action for a metadata write.
 */
function write(db: Db, ctx: RequestContext, serverId: string, change: (current: Metadata) => Metadata): Metadata {
  return db.transaction(() => {
    const server = findServer(db, ctx, serverId);
    checkLock(server, ctx.isAdmin);
    checkState(server, RULES.metadata, 'update metadata');
    const next = change(metadataOf(server));
    // Nova's _check_metadata_properties_quota: 403 past metadata_items.
    const limit = quotaLimit(db, server.project_id, 'metadata_items');
    if (limit >= 0 && Object.keys(next).length > limit) throw forbidden(`Maximum number of metadata items exceeds ${limit}`);
    updateServer(db, server.id, { metadata: JSON.stringify(next) }, isoNow());
    return next;
  })();
}

export const metadataOfServer = (db: Db, ctx: RequestContext, serverId: string): Metadata => metadataOf(findServer(db, ctx, serverId));

/** 10.2 */
export const replaceMetadata = (db: Db, ctx: RequestContext, serverId: string, md: Metadata) =>
  write(db, ctx, serverId, () => ({ ...md }));

/** 10.3 */
export const mergeMetadata = (db: Db, ctx: RequestContext, serverId: string, md: Metadata) =>
  write(db, ctx, serverId, (cur) => ({ ...cur, ...md }));

/** 10.4 */
export function metadataItem(db: Db, ctx: RequestContext, serverId: string, key: string): Metadata {
  const md = metadataOfServer(db, ctx, serverId);
  if (!Object.hasOwn(md, key)) throw notFound('Metadata item was not found');
  return { [key]: md[key] };
}

/** 10.5: the body's one key must be the URL's. */
export function setMetadataItem(db: Db, ctx: RequestContext, serverId: string, key: string, meta: Metadata): Metadata {
  if (Object.keys(meta)[0] !== key) throw badRequest('Request body and URI mismatch');
  const value = meta[key];
  write(db, ctx, serverId, (cur) => ({ ...cur, [key]: value }));
  return { [key]: value };
}

/** 10.6 */
export function deleteMetadataItem(db: Db, ctx: RequestContext, serverId: string, key: string): void {
  write(db, ctx, serverId, (cur) => {
    if (!Object.hasOwn(cur, key)) throw notFound('Metadata item was not found');
    const next = { ...cur };
    delete next[key];
    return next;
  });
}
