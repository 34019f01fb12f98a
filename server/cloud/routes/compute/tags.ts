import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findServer, recordRequest, type ServerParams } from '../../compute/access.ts';
import { RULES, checkState } from '../../lifecycle/states.ts';
import { invalid, isObj, onlyKeys, requireKeys, typeError } from '../../compute/validation.ts';
import type { RequestContext } from '../../context.ts';
import { badRequest, notFound } from '../../errors.ts';
import { isoNow } from '../../ids.ts';
import { addTag, deleteTag, replaceTags, tagsOf, updateServer, type ServerRow } from '../../repositories/servers.ts';

/** Spec 23.2 and 23.4: at most 50 tags of at most 80 characters, none empty or starting with a dot. */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 80;

/** Why a tag is refused (Nova's parameter_types.tag: no '/' or ','; the spec adds the rest), or null. */
function tagProblem(tag: string): string | null {
  if (tag.length === 0) return "'' is too short";
  if ([...tag].length > MAX_TAG_LENGTH) return `'${tag}' is too long`;
  if (/[,/]/.test(tag)) return `'${tag}' does not match '^[^,/]*$'`;
  if (tag.startsWith('.')) return `'${tag}' must not start with '.'`;
  return null;
}

const tooMany = () => badRequest(`The number of tags exceeded the per-server limit ${MAX_TAGS}`);

type TagParams = ServerParams & { tag: string };

// Chapter 23: server tags, from microversion 2.26 (below it these routes do not exist: 404).
export default async function tagRoutes(app: FastifyInstance) {
  const db = app.db;

  const server = (req: FastifyRequest<{ Params: ServerParams }>) => {
    if (!req.ctx.mv.atLeast('2.26')) throw notFound('The resource could not be found.');
    return findServer(db, req.ctx, req.params.server_id);
  };
  /** Tag writes touch the server (updated_at) and are recorded, in one transaction. */
  const write = <T>(req: FastifyRequest<{ Params: ServerParams }>, action: string, fn: (s: ServerRow, ctx: RequestContext) => T): T =>
    db.transaction(() => {
      const s = server(req);
      // Nova's _check_instance_in_valid_state for tag writes.
      checkState(s, RULES.tags, action);
      const out = fn(s, req.ctx);
      updateServer(db, s.id, {}, isoNow());
      recordRequest(db, req.ctx, s.id, action.replace(' ', '_'), undefined, true);
      return out;
    })();

  app.get<{ Params: ServerParams }>('/servers/:server_id/tags', async (req) => ({ tags: tagsOf(db, server(req).id) }));

  app.put<{ Params: ServerParams }>('/servers/:server_id/tags', async (req) => {
    if (!req.ctx.mv.atLeast('2.26')) throw notFound('The resource could not be found.');
    const body = req.body;
    if (!isObj(body)) throw typeError('tags', body, 'object');
    onlyKeys(body, ['tags'], 'tags');
    requireKeys(body, ['tags'], 'tags');
    const tags = body.tags;
    if (!Array.isArray(tags)) throw typeError('tags', tags, 'array');
    if (tags.length > MAX_TAGS) throw tooMany();
    for (const t of tags) {
      if (typeof t !== 'string') throw typeError('tags', t, 'string');
      const problem = tagProblem(t);
      if (problem) throw invalid('tags', t, problem);
    }
    const unique = [...new Set(tags as string[])];
    return { tags: write(req, 'update tags', (s) => (replaceTags(db, s.id, unique), tagsOf(db, s.id))) };
  });

  app.delete<{ Params: ServerParams }>('/servers/:server_id/tags', async (req, reply) => {
    write(req, 'delete tags', (s) => replaceTags(db, s.id, []));
    return reply.code(204).send();
  });

  app.get<{ Params: TagParams }>('/servers/:server_id/tags/:tag', async (req, reply) => {
    const s = server(req);
    if (!tagsOf(db, s.id).includes(req.params.tag)) throw notFound(`Instance ${s.id} has no tag '${req.params.tag}'`);
    return reply.code(204).send();
  });

  app.put<{ Params: TagParams }>('/servers/:server_id/tags/:tag', async (req, reply) => {
    const tag = req.params.tag;
    const problem = tagProblem(tag);
    if (problem) {
      throw badRequest(
        `Tag '${tag}' is invalid. It must be a non empty string without characters '/' and ',', at most ${MAX_TAG_LENGTH} characters, not starting with '.'. Validation error message: ${problem}`,
      );
    }
    const created = write(req, 'update tag', (s) => {
      const existing = tagsOf(db, s.id);
      if (existing.includes(tag)) return false;
      if (existing.length >= MAX_TAGS) throw tooMany();
      return addTag(db, s.id, tag);
    });
    const ctx = req.ctx;
    void reply.header('Location', `${ctx.baseUrl}${ctx.apiPrefix}/servers/${req.params.server_id}/tags/${encodeURIComponent(tag)}`);
    return reply.code(created ? 201 : 204).send();
  });

  app.delete<{ Params: TagParams }>('/servers/:server_id/tags/:tag', async (req, reply) => {
    write(req, 'delete tag', (s) => {
      if (!deleteTag(db, s.id, req.params.tag)) throw notFound(`Instance ${s.id} has no tag '${req.params.tag}'`);
    });
    return reply.code(204).send();
  });
}
