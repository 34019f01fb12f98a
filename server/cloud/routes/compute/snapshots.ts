import type { FastifyInstance } from 'fastify';
import type { Query } from '../../pagination.ts';
import { PROXY_API, versionRange } from '../../plugins/microversion.ts';
import { BOOLEAN_TRUE } from '../../schemas/common.ts';
import { snapshotSchemas as schemas } from '../../schemas/snapshots.ts';
import { createSnapshot, deleteSnapshot, showSnapshot, snapshotsOf } from '../../services/snapshots.ts';
import { snapshotView } from '../../views/snapshots.ts';

type SnapshotParams = { Params: { snapshot_id: string } };
interface SnapshotCreate {
  volume_id: string;
  force?: boolean | string;
  display_name?: string | null;
  display_description?: string | null;
}

/** Chapter 20: Nova's os-snapshots proxy (volume snapshots). */
export default async function snapshotRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db, cloudConfig } = app;

  app.post<{ Body: { snapshot: SnapshotCreate } }>('/os-snapshots', { schema: schemas.create }, async (req) => {
    const body = req.body.snapshot;
    const s = createSnapshot(
      db,
      {
        projectId: req.ctx.projectId,
        volumeId: body.volume_id,
        name: body.display_name ?? null,
        description: body.display_description ?? null,
        force: BOOLEAN_TRUE.includes(body.force ?? false),
      },
      cloudConfig,
    );
    return { snapshot: snapshotView(s) };
  });

  for (const path of ['/os-snapshots', '/os-snapshots/detail']) {
    app.get<{ Querystring: Query }>(path, { schema: schemas.list }, async (req) => ({
      snapshots: snapshotsOf(db, req.ctx, req.query).map(snapshotView),
    }));
  }

  app.get<SnapshotParams>('/os-snapshots/:snapshot_id', { schema: schemas.show }, async (req) => ({
    snapshot: snapshotView(showSnapshot(db, req.ctx, req.params.snapshot_id)),
  }));

  app.delete<SnapshotParams>('/os-snapshots/:snapshot_id', { schema: schemas.delete }, async (req, reply) => {
    deleteSnapshot(db, req.ctx, req.params.snapshot_id, cloudConfig);
    return reply.code(202).send();
  });
}
