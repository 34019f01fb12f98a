import { versionRange } from '../../plugins/microversion.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../ids.ts';
import { nextLinks, paginate } from '../../pagination.ts';
import { getImage, listImages, softDeleteImage, type Image } from '../../repositories/images.ts';
import { resourceLinks, type Link } from '../../views/links.ts';
import { last, stringOrList, type Query, PROXY_API } from './proxy-api.ts';
import { imageSchemas } from './resource-schemas.ts';


/** Nova's image view builder maps Glance statuses (section 7.1, table 7-1). */
const STATUS: Record<string, string> = {
  active: 'ACTIVE',
  queued: 'SAVING',
  saving: 'SAVING',
  deleted: 'DELETED',
  pending_delete: 'DELETED',
  killed: 'ERROR',
};
const PROGRESS: Record<string, number> = { queued: 25, saving: 50, active: 100 };
const GLANCE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'];

/** Links as Nova gives them, with the Glance `alternate` link the spec's samples show (port 9292). */
function imageLinks(req: FastifyRequest, id: string): Link[] {
  const glance = req.ctx.baseUrl.replace(/:\d+$/, '') + ':9292';
  return [
    ...resourceLinks(req.ctx, 'images', id),
    { rel: 'alternate', type: 'application/vnd.openstack.image', href: `${glance}/${req.ctx.projectId}/images/${id}` },
  ];
}

const summary = (req: FastifyRequest, i: Image) => ({ id: i.id, name: i.name, links: imageLinks(req, i.id) });

function detail(req: FastifyRequest, i: Image) {
  const view: Record<string, unknown> = {
    id: i.id,
    name: i.name,
    minRam: i.min_ram,
    minDisk: i.min_disk,
    metadata: i.metadata,
    created: i.created_at,
    updated: i.updated_at,
    status: STATUS[i.status] ?? 'UNKNOWN',
    progress: PROGRESS[i.status] ?? 0,
    'OS-EXT-IMG-SIZE:size': i.size,
    links: imageLinks(req, i.id),
  };
  const server = i.metadata.instance_uuid;
  if (server) view.server = { id: server, links: resourceLinks(req.ctx, 'servers', server) };
  const auto = i.metadata.auto_disk_config;
  if (auto !== undefined) view['OS-DCF:diskConfig'] = ['1', 't', 'true', 'on', 'y', 'yes'].includes(auto.toLowerCase()) ? 'AUTO' : 'MANUAL';
  return view;
}

function intFilter(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(v)) throw badRequest(`Invalid ${name} filter [${v}]`);
  return Number(v);
}

function imagesFor(req: FastifyRequest) {
  const q = req.query as Query;
  const status = last(q.status);
  if (status !== undefined && !GLANCE_STATUSES.includes(status.toLowerCase())) throw badRequest(`Invalid status value: ${status}`);
  const since = last(q['changes-since']);
  let changesSince: string | undefined;
  if (since !== undefined) {
    const ms = Date.parse(since);
    if (Number.isNaN(ms)) throw badRequest('Invalid filter field: changes-since.');
    changesSince = isoNow(ms);
  }
  const all = listImages(req.server.db, req.ctx.projectId, {
    name: last(q.name),
    status,
    changesSince,
    minRam: intFilter('minRam', last(q.minRam)),
    minDisk: intFilter('minDisk', last(q.minDisk)),
    server: last(q.server),
    type: last(q.type),
  });
  const { page, nextMarker } = paginate(all, { limit: last(q.limit), marker: last(q.marker) }, (i) => i.id);
  return { page, nextMarker, q };
}

const listQuery = {
  type: 'object',
  properties: Object.fromEntries(
    ['name', 'status', 'changes-since', 'minRam', 'minDisk', 'server', 'type', 'limit', 'marker'].map((k) => [k, stringOrList]),
  ),
};
const imageParams = { type: 'object', properties: { image_id: { type: 'string' } }, required: ['image_id'] };
type ImageReq = FastifyRequest<{ Params: { image_id: string } }>;

/** Chapter 7: Nova's image proxy (read, metadata, delete). */
export default async function imageRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);

  app.get('/images', { schema: { querystring: listQuery, response: { 200: imageSchemas.list } } }, async (req) => {
    const { page, nextMarker, q } = imagesFor(req);
    const links = nextLinks(req.ctx, 'images', q, nextMarker);
    return { images: page.map((i) => summary(req, i)), ...(links.length ? { images_links: links } : {}) };
  });

  app.get('/images/detail', { schema: { querystring: listQuery, response: { 200: imageSchemas.detailList } } }, async (req) => {
    const { page, nextMarker, q } = imagesFor(req);
    const links = nextLinks(req.ctx, 'images/detail', q, nextMarker);
    return { images: page.map((i) => detail(req, i)), ...(links.length ? { images_links: links } : {}) };
  });

  const visible = (req: ImageReq) => {
    const img = getImage(req.server.db, req.ctx.projectId, req.params.image_id);
    if (!img) throw notFound('Image not found.');
    return img;
  };

  app.get<{ Params: { image_id: string } }>('/images/:image_id', { schema: { params: imageParams, response: { 200: imageSchemas.show } } }, async (req) => ({
    image: detail(req, visible(req)),
  }));

  app.get<{ Params: { image_id: string } }>('/images/:image_id/metadata', { schema: { params: imageParams, response: { 200: imageSchemas.metadata } } }, async (req) => ({
    metadata: visible(req).metadata,
  }));

  app.get<{ Params: { image_id: string; key: string } }>(
    '/images/:image_id/metadata/:key',
    {
      schema: {
        params: { ...imageParams, properties: { ...imageParams.properties, key: { type: 'string' } } },
        response: { 200: imageSchemas.metaItem },
      },
    },
    async (req) => {
      const md = visible(req).metadata;
      if (!(req.params.key in md)) throw notFound('Image metadata item not found.');
      return { meta: { [req.params.key]: md[req.params.key] } };
    },
  );

  // Glance's soft delete (section 7.5): the row stays, status deleted. Public images belong
  // to the cloud: only an admin may delete them (Glance's 403, Nova's message).
  app.delete<{ Params: { image_id: string } }>('/images/:image_id', { schema: { params: imageParams } }, async (req, reply) => {
    const img = visible(req);
    if (img.project_id !== req.ctx.projectId && !req.ctx.isAdmin) throw forbidden('You are not allowed to delete the image.');
    softDeleteImage(req.server.db, img.id);
    return reply.code(204).send();
  });
}
