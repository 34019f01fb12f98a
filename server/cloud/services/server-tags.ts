import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { isoNow } from '../ids.ts';
import { RULES, checkState } from '../lifecycle/states.ts';
import { addTag, deleteTag, replaceTags, tagsOf, updateServer, type ServerRow } from '../repositories/servers.ts';
import { MAX_TAGS } from '../schemas/server-tags.ts';
import { findServer } from './servers.ts';

// Chapter 23: server tags (the routes exist from microversion 2.26).

const tooMany = () => badRequest(`The number of tags exceeded the per-server limit ${MAX_TAGS}`);

/** Tag writes touch the server (updated_at), in one transaction; Nova records no instance action for them. */
function write<T>(db: Db, ctx: RequestContext, serverId: string, action: string, fn: (s: ServerRow) => T): T {
  return db.transaction(() => {
    const s = findServer(db, ctx, serverId);
    // Nova's _check_instance_in_valid_state for tag writes.
    checkState(s, RULES.tags, action);
    const out = fn(s);
    updateServer(db, s.id, {}, isoNow());
    return out;
  })();
}

export const tagsOfServer = (db: Db, ctx: RequestContext, serverId: string): string[] => tagsOf(db, findServer(db, ctx, serverId).id);

/** 23.2: the server's tags become these (each once). */
export const replaceServerTags = (db: Db, ctx: RequestContext, serverId: string, tags: string[]): string[] =>
  write(db, ctx, serverId, 'update tags', (s) => (replaceTags(db, s.id, [...new Set(tags)]), tagsOf(db, s.id)));

/** 23.6 */
export function deleteServerTags(db: Db, ctx: RequestContext, serverId: string): void {
  write(db, ctx, serverId, 'delete tags', (s) => replaceTags(db, s.id, []));
}

/** 23.3: 404 when the server has no such tag. */
export function checkServerTag(db: Db, ctx: RequestContext, serverId: string, tag: string): void {
  const s = findServer(db, ctx, serverId);
  if (!tagsOf(db, s.id).includes(tag)) throw notFound(`Instance ${s.id} has no tag '${tag}'`);
}

/** 23.4: true when the tag is new (201), false when the server had it (204). */
export function addServerTag(db: Db, ctx: RequestContext, serverId: string, tag: string): boolean {
  return write(db, ctx, serverId, 'update tag', (s) => {
    const existing = tagsOf(db, s.id);
    if (existing.includes(tag)) return false;
    if (existing.length >= MAX_TAGS) throw tooMany();
    return addTag(db, s.id, tag);
  });
}

/** 23.5 */
export function deleteServerTag(db: Db, ctx: RequestContext, serverId: string, tag: string): void {
  write(db, ctx, serverId, 'delete tag', (s) => {
    if (!deleteTag(db, s.id, tag)) throw notFound(`Instance ${s.id} has no tag '${tag}'`);
  });
}
