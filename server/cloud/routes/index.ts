import type { FastifyInstance } from 'fastify';
import computeContext from '../plugins/compute-context.ts';
import availabilityZones from './compute/availability-zones.ts';
import extensions from './compute/extensions.ts';
import flavors from './compute/flavors.ts';
import images from './compute/images.ts';
import interfaces from './compute/interfaces.ts';
import keypairs from './compute/keypairs.ts';
import limits from './compute/limits.ts';
import metadata from './compute/metadata.ts';
import networks from './compute/networks.ts';
import quotas from './compute/quotas.ts';
import securityGroups from './compute/security-groups.ts';
import serverActions from './compute/server-actions.ts';
import serverGroups from './compute/server-groups.ts';
import serverRecords from './compute/server-records.ts';
import servers from './compute/servers.ts';
import snapshots from './compute/snapshots.ts';
import tags from './compute/tags.ts';
import volumeAttachments from './compute/volume-attachments.ts';
import volumes from './compute/volumes.ts';
import identity from './identity.ts';
import imageService from './image/index.ts';
import versions from './versions.ts';

/** Every compute route module, in the spec's chapter order. */
const COMPUTE = [
  servers, // 4
  serverActions, // 5
  flavors, // 6
  images, // 7
  serverGroups, // 8
  serverRecords, // 9, 11, 17, 22.6
  metadata, // 10
  volumeAttachments, // 12
  interfaces, // 13
  keypairs, // 14
  limits, // 15
  quotas, // 16
  availabilityZones, // 18
  volumes, // 19
  snapshots, // 20
  networks, // 21
  securityGroups, // 22
  tags, // 23
  extensions, // Nova's, outside the spec
];

/**
 * The one place routes are registered: the version documents, Keystone's identity API, the
 * image service (Glance v2 under /image), and the compute API twice, under /v2/{project_id}
 * (legacy, base version) and /v2.1/{project_id} (microversions), so compute paths start
 * after the project id.
 */
export default async function routes(app: FastifyInstance) {
  await app.register(versions);
  await app.register(identity);
  await app.register(imageService);
  for (const prefix of ['/v2', '/v2.1'] as const) {
    await app.register(
      async (scope) => {
        await scope.register(computeContext, { prefix });
        for (const module of COMPUTE) await scope.register(module);
      },
      { prefix: `${prefix}/:project_id` },
    );
  }
}
