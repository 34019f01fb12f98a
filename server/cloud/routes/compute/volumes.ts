import { versionRange } from '../../plugins/microversion.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../../errors.ts';
import { defaultZone } from '../../repositories/availability-zones.ts';
import { getSnapshot } from '../../repositories/snapshots.ts';
import { scheduleTick } from '../../lifecycle/engine.ts';
import {
  enforceVolumeQuota,
  getVolume,
  insertVolume,
  listVolumes,
  startDeleteVolume,
  type Volume,
} from '../../repositories/volumes.ts';
import { limited, offsetLimitQuery, PROXY_API } from './proxy-api.ts';
import { volumeSchemas } from './resource-schemas.ts';

/** The block storage types this cloud offers (Huawei EVS's names). */
export const VOLUME_TYPES = ['SATA', 'SAS', 'SSD', 'GPSSD', 'ESSD'];

/**
 * Nova's _translate_volume_summary_view: an unattached volume shows `attachments: [{}]`
 * (as the spec's 19.2–19.4 samples do); the attachment id is the volume id.
 */
export function volumeView(v: Volume) {
  return {
    id: v.id,
    status: v.status,
    size: v.size,
    availabilityZone: v.availability_zone,
    createdAt: v.created_at,
    attachments: v.attachments.length
      ? v.attachments.map((a) => ({ id: a.id, volumeId: a.volumeId, serverId: a.serverId, device: a.device }))
      : [{}],
    displayName: v.name,
    displayDescription: v.description,
    volumeType: v.volume_type,
    snapshotId: v.snapshot_id,
    metadata: v.metadata,
  };
}

const optionalString = { type: ['string', 'null'] };
/**
 * Nova's os-volumes create schema. It types the optional strings as strings; the spec's
 * own sample sends them as null, so null is accepted too (and means "not given").
 */
const CREATE = {
  type: 'object',
  properties: {
    volume: {
      type: 'object',
      properties: {
        volume_type: optionalString,
        metadata: { type: ['object', 'null'] },
        snapshot_id: optionalString,
        size: { type: ['integer', 'string', 'null'], pattern: '^[0-9]+$', minimum: 1 },
        availability_zone: optionalString,
        display_name: optionalString,
        display_description: optionalString,
      },
      additionalProperties: false,
    },
  },
  required: ['volume'],
  additionalProperties: false,
};

interface CreateBody {
  volume: {
    volume_type?: string | null;
    metadata?: Record<string, unknown> | null;
    snapshot_id?: string | null;
    size?: number | string | null;
    availability_zone?: string | null;
    display_name?: string | null;
    display_description?: string | null;
  };
}

/** Cinder's checks on volume metadata (the 400s section 19.1 lists). */
function validMetadata(md: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(md ?? {})) {
    if (k.trim() === '') throw badRequest('Invalid input received: Metadata property key blank.');
    if (k.length > 255) throw badRequest('Invalid input received: Metadata property key greater than 255 characters.');
    if (typeof v !== 'string') throw badRequest(`Invalid input received: Metadata property value for key ${k} must be a string.`);
    if (v.length > 255) throw badRequest('Invalid input received: Metadata property value greater than 255 characters.');
    out[k] = v;
  }
  return out;
}

function checkLength(field: string, v: string | null | undefined) {
  if (v && v.length > 255) throw badRequest(`Invalid input received: ${field} has more than 255 characters.`);
}

const volumeParams = { type: 'object', properties: { volume_id: { type: 'string' } }, required: ['volume_id'] };
type VolumeReq = FastifyRequest<{ Params: { volume_id: string } }>;

/** Chapter 19: Nova's os-volumes proxy to block storage. */
export default async function volumeRoutes(app: FastifyInstance) {
  versionRange(app, PROXY_API);
  const { db } = app;

  app.post('/os-volumes', { schema: { body: CREATE, response: { 200: volumeSchemas.show } } }, async (req: FastifyRequest) => {
    const { volume: body } = req.body as CreateBody;
    const { projectId, userId } = req.ctx;
    checkLength('display_name', body.display_name);
    checkLength('display_description', body.display_description);
    const metadata = validMetadata(body.metadata);
    const volume = db.transaction(() => {
      // From a snapshot (section 19.1): size may be omitted and then is the snapshot's;
      // the zone and type default to the source volume's, as Cinder does.
      const snapshot = body.snapshot_id ? getSnapshot(db, projectId, body.snapshot_id) : undefined;
      if (body.snapshot_id && !snapshot) throw notFound(`Snapshot ${body.snapshot_id} could not be found.`);
      if (snapshot && snapshot.status !== 'available') {
        throw badRequest(`Invalid input received: Invalid snapshot: Originating snapshot status must be one of 'available' values`);
      }
      const source = snapshot ? getVolume(db, projectId, snapshot.volume_id) : undefined;
      const sizeGiven = body.size !== undefined && body.size !== null;
      if (!sizeGiven && !snapshot) throw badRequest("Invalid input for field/attribute volume. Value: None. 'size' is a required property");
      const size = sizeGiven ? Number(body.size) : snapshot!.size;
      if (!Number.isInteger(size) || size < 1) {
        throw badRequest(`Invalid input received: Volume size '${body.size}' must be an integer and greater than 0`);
      }
      if (snapshot && size < snapshot.size) {
        throw badRequest(
          `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`,
        );
      }
      const volumeType = body.volume_type ?? source?.volume_type ?? null;
      if (volumeType !== null && !VOLUME_TYPES.includes(volumeType)) {
        throw notFound(`Volume type with name ${volumeType} could not be found.`);
      }
      enforceVolumeQuota(db, projectId, 1, size);
      // An unknown zone is not refused up front: the volume goes to `error` when its
      // creation completes, as section 19.1 describes.
      return insertVolume(db, {
        projectId,
        userId,
        name: body.display_name ?? null,
        description: body.display_description ?? null,
        size,
        availabilityZone: body.availability_zone ?? source?.availability_zone ?? defaultZone(db),
        volumeType,
        snapshotId: snapshot?.id ?? null,
        metadata,
        status: 'creating',
        dueAt: Date.now() + app.cloudConfig.transitionMs,
      });
    })();
    scheduleTick(db, Date.now() + app.cloudConfig.transitionMs);
    return { volume: volumeView(volume) };
  });

  // Nova's index and detail give the same summary view.
  for (const path of ['/os-volumes', '/os-volumes/detail']) {
    app.get(path, { schema: { querystring: offsetLimitQuery, response: { 200: volumeSchemas.list } } }, async (req) => ({
      volumes: limited(listVolumes(db, req.ctx.projectId), req.query).map(volumeView),
    }));
  }

  app.get('/os-volumes/:volume_id', { schema: { params: volumeParams, response: { 200: volumeSchemas.show } } }, async (request) => {
    const req = request as VolumeReq;
    const v = getVolume(db, req.ctx.projectId, req.params.volume_id);
    if (!v) throw notFound(`Volume ${req.params.volume_id} could not be found.`);
    return { volume: volumeView(v) };
  });

  app.delete('/os-volumes/:volume_id', { schema: { params: volumeParams } }, async (request, reply) => {
    const req = request as VolumeReq;
    startDeleteVolume(db, req.ctx.projectId, req.params.volume_id, app.cloudConfig.transitionMs);
    scheduleTick(db, Date.now() + app.cloudConfig.transitionMs);
    return reply.code(202).send();
  });
}
