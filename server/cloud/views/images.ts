import { isTrue } from '../booleans.ts';
import type { RequestContext } from '../context.ts';
import type { Image } from '../repositories/images.ts';
import { resourceLinks, type Link } from './links.ts';

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

/** Links as Nova gives them, with the Glance `alternate` link the spec's samples show (port 9292). */
function imageLinks(ctx: RequestContext, id: string): Link[] {
  const glance = ctx.baseUrl.replace(/:\d+$/, '') + ':9292';
  return [
    ...resourceLinks(ctx, 'images', id),
    { rel: 'alternate', type: 'application/vnd.openstack.image', href: `${glance}/${ctx.projectId}/images/${id}` },
  ];
}

export const imageSummary = (ctx: RequestContext, i: Image) => ({ id: i.id, name: i.name, links: imageLinks(ctx, i.id) });

export function imageDetail(ctx: RequestContext, i: Image) {
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
    links: imageLinks(ctx, i.id),
  };
  const server = i.metadata.instance_uuid;
  if (server) view.server = { id: server, links: resourceLinks(ctx, 'servers', server) };
  const auto = i.metadata.auto_disk_config;
  if (auto !== undefined) view['OS-DCF:diskConfig'] = isTrue(auto) ? 'AUTO' : 'MANUAL';
  return view;
}
