import type { FastifyInstance } from 'fastify';
import { findServer, recordRequest, type ServerParams } from '../../compute/access.ts';
import { RULES, checkLock, checkState } from '../../lifecycle/states.ts';
import { checkMetadata, envelope, invalid } from '../../compute/validation.ts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../context.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../ids.ts';
import { quotaLimit } from '../../repositories/quotas.ts';
import { metadataOf, updateServer } from '../../repositories/servers.ts';

type KeyParams = ServerParams & { key: string };

// Chapter 10: server metadata. PUT replaces, POST merges; both obey metadata_items.
export default async function metadataRoutes(app: FastifyInstance) {
  const db = app.db;

  /** Nova's _update_instance_metadata: state and lock checked, quota counted on the result. */
  const write = (ctx: RequestContext, serverId: string, action: string, change: (current: Record<string, string>) => Record<string, string>) =>
    db.transaction(() => {
      const server = findServer(db, ctx, serverId);
      checkLock(server, ctx.isAdmin);
      checkState(server, RULES.metadata, 'update metadata');
      const next = change(metadataOf(server));
      checkQuota(db, server.project_id, next);
      updateServer(db, server.id, { metadata: JSON.stringify(next) }, isoNow());
      recordRequest(db, ctx, server.id, action, undefined, true);
      return next;
    })();

  app.get<{ Params: ServerParams }>('/servers/:server_id/metadata', async (req) => ({
    metadata: metadataOf(findServer(db, req.ctx, req.params.server_id)),
  }));

  app.put<{ Params: ServerParams }>('/servers/:server_id/metadata', async (req) => {
    const md = checkMetadata('metadata', envelope(req.body, 'metadata'));
    return { metadata: write(req.ctx, req.params.server_id, 'set_metadata', () => ({ ...md })) };
  });

  app.post<{ Params: ServerParams }>('/servers/:server_id/metadata', async (req) => {
    const md = checkMetadata('metadata', envelope(req.body, 'metadata'));
    return { metadata: write(req.ctx, req.params.server_id, 'update_metadata', (cur) => ({ ...cur, ...md })) };
  });

  app.get<{ Params: KeyParams }>('/servers/:server_id/metadata/:key', async (req) => {
    const md = metadataOf(findServer(db, req.ctx, req.params.server_id));
    if (!Object.hasOwn(md, req.params.key)) throw notFound('Metadata item was not found');
    return { meta: { [req.params.key]: md[req.params.key] } };
  });

  app.put<{ Params: KeyParams }>('/servers/:server_id/metadata/:key', async (req) => {
    const meta = envelope(req.body, 'meta');
    const keys = Object.keys(meta);
    if (keys.length === 0) throw invalid('meta', meta, '{} does not have enough properties');
    if (keys.length > 1) throw badRequest('Request body contains too many items');
    checkMetadata('meta', meta);
    const key = req.params.key;
    if (keys[0] !== key) throw badRequest('Request body and URI mismatch');
    const value = String(meta[key]);
    write(req.ctx, req.params.server_id, 'set_metadata_item', (cur) => ({ ...cur, [key]: value }));
    return { meta: { [key]: value } };
  });

  app.delete<{ Params: KeyParams }>('/servers/:server_id/metadata/:key', async (req, reply) => {
    write(req.ctx, req.params.server_id, 'delete_metadata_item', (cur) => {
      if (!Object.hasOwn(cur, req.params.key)) throw notFound('Metadata item was not found');
      const next = { ...cur };
      delete next[req.params.key];
      return next;
    });
    return reply.code(204).send();
  });
}

/** Nova's _check_metadata_properties_quota: 403 past metadata_items. */
function checkQuota(db: Db, projectId: string, md: Record<string, string>): void {
  const limit = quotaLimit(db, projectId, 'metadata_items');
  if (limit >= 0 && Object.keys(md).length > limit) throw forbidden(`Maximum number of metadata items exceeds ${limit}`);
}
