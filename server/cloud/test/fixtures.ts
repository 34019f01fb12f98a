import type { FastifyInstance } from 'fastify';
import { listImages } from '../repositories/images.ts';
import { listNetworks } from '../repositories/networks.ts';
import type { Session } from './harness.ts';

/** Ids of the seeded catalogue a servers test needs, read through the resources area's repositories. */
export function catalogue(app: FastifyInstance, s: Session) {
  const images = listImages(app.db, s.projectId, {});
  const image = images.find((i) => i.visibility === 'public' && i.name?.startsWith('Ubuntu 22.04'))!;
  const network = listNetworks(app.db, s.projectId)[0];
  return { image: image.id, images, network, flavor: 's3.large.2', bigFlavor: 's3.xlarge.2' };
}

/** Boots a server and returns its id (202 asserted by the caller when it matters). */
export async function boot(
  s: Session,
  cat: { image: string; flavor: string },
  server: Record<string, unknown> = {},
  opts: { version?: string; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const res = await s.call('POST', 'servers', { server: { name: 'vm', imageRef: cat.image, flavorRef: cat.flavor, ...server }, ...opts.extra }, { version: opts.version });
  if (res.statusCode !== 202) throw new Error(`boot failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { server: { id: string } }).server.id;
}
