import { versionRange } from '../../plugins/microversion.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../errors.ts';
import { createSnapshot, getSnapshot, listSnapshots, startDeleteSnapshot, type Snapshot } from '../../repositories/snapshots.ts';
import { scheduleTick } from '../../lifecycle/engine.ts';
import { limited, offsetLimitQuery, PROXY_API } from './proxy-api.ts';
import { snapshotSchemas } from './resource-schemas.ts';

/** Nova's _translate_snapshot_summary_view. */
export const snapshotView = (s: Snapshot) => ({
  id: s.id,
  volumeId: s.volume_id,
  status: s.status,
  size: s.size,
  createdAt: s.created_at,
  displayName: s.name,
  displayDescription: s.description,
});

/** Nova's parameter_types.boolean: these spellings and nothing else. */
const BOOLEAN_TRUE = [true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes'];
const BOOLEAN_FALSE = [false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no'];

/** Nova's snapshot_create schema; null is also accepted for the optional strings, as for volumes. */
const CREATE = {
  type: 'object',
  properties: {
    snapshot: {
      type: 'object',
      properties: {
        volume_id: { type: 'string' },
        force: { enum: [...BOOLEAN_TRUE, ...BOOLEAN_FALSE] },
        display_name: { type: ['string', 'null'], maxLength: 255 },
        display_description: { type: ['string', 'null'], maxLength: 255 },
      },
      required: ['volume_id'],
      additionalProperties: false,
    },
  },
  required: ['snapshot'],
  additionalProperties: false,
};

interface CreateBody {
  snapshot: { volume_id: string; force?: boolean | string; display_name?: string | null; display_description?: string | null };
}

const snapshotParams = { type: 'object', properties: { snapshot_id: { type: 'string' } }, required: ['snapshot_id'] };
type SnapshotReq = FastifyRequest<{ Params: { snapshot_id: string } }>;

/** Chapter 20: Nova's os-snapshots proxy (volume snapshots). */
export default async function snapshotRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db } = app;

  app.post('/os-snapshots', { schema: { body: CREATE, response: { 200: snapshotSchemas.show } } }, async (req) => {
    const { snapshot: body } = req.body as CreateBody;
    const s = createSnapshot(db, {
      projectId: req.ctx.projectId,
      volumeId: body.volume_id,
      name: body.display_name ?? null,
      description: body.display_description ?? null,
      force: BOOLEAN_TRUE.includes(body.force ?? false),
      dueInMs: app.cloudConfig.transitionMs,
    });
    scheduleTick(db, Date.now() + app.cloudConfig.transitionMs);
    return { snapshot: snapshotView(s) };
  });

  for (const path of ['/os-snapshots', '/os-snapshots/detail']) {
    app.get(path, { schema: { querystring: offsetLimitQuery, response: { 200: snapshotSchemas.list } } }, async (req) => ({
      snapshots: limited(listSnapshots(db, req.ctx.projectId), req.query).map(snapshotView),
    }));
  }

  app.get('/os-snapshots/:snapshot_id', { schema: { params: snapshotParams, response: { 200: snapshotSchemas.show } } }, async (request) => {
    const req = request as SnapshotReq;
    const s = getSnapshot(db, req.ctx.projectId, req.params.snapshot_id);
    if (!s) throw notFound(`Snapshot ${req.params.snapshot_id} could not be found.`);
    return { snapshot: snapshotView(s) };
  });

  app.delete('/os-snapshots/:snapshot_id', { schema: { params: snapshotParams } }, async (request, reply) => {
    const req = request as SnapshotReq;
    startDeleteSnapshot(db, req.ctx.projectId, req.params.snapshot_id, app.cloudConfig.transitionMs);
    scheduleTick(db, Date.now() + app.cloudConfig.transitionMs);
    return reply.code(202).send();
  });
}
