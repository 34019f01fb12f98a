import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { PROXY_API, versionRange } from '../../plugins/microversion.ts';
import { volumeSchemas as schemas } from '../../schemas/volumes.ts';
import { createVolume, deleteVolume, showVolume, volumesOf, type VolumeCreate } from '../../services/volumes.ts';
import { volumeView } from '../../views/volumes.ts';

type VolumeParams = { Params: { volume_id: string } };

/** Chapter 19: Nova's os-volumes proxy to block storage. */
export default async function volumeRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db, cloudConfig } = app;

  app.post<{ Body: { volume: VolumeCreate } }>('/os-volumes', { schema: schemas.create }, async (req) => ({
    volume: volumeView(createVolume(db, req.ctx, req.body.volume, cloudConfig)),
  }));

  // Nova's index and detail give the same summary view.
  for (const path of ['/os-volumes', '/os-volumes/detail']) {
    app.get<{ Querystring: Query }>(path, { schema: schemas.list }, async (req) => ({
      volumes: volumesOf(db, req.ctx, req.query).map(volumeView),
    }));
  }

  app.get<VolumeParams>('/os-volumes/:volume_id', { schema: schemas.show }, async (req) => ({
    volume: volumeView(showVolume(db, req.ctx, req.params.volume_id)),
  }));

  app.delete<VolumeParams>('/os-volumes/:volume_id', { schema: schemas.delete }, async (req, reply) => {
    deleteVolume(db, req.ctx, req.params.volume_id, cloudConfig);
    return reply.code(202).send();
  });
}
