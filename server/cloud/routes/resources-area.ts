import type { RouteModule } from './index.ts';
import availabilityZoneRoutes from './availability-zones.ts';
import flavorRoutes from './flavors.ts';
import imageRoutes from './images.ts';
import keypairRoutes from './keypairs.ts';
import networkRoutes from './networks.ts';
import securityGroupRoutes from './security-groups.ts';
import snapshotRoutes from './snapshots.ts';
import volumeRoutes from './volumes.ts';

/** Route modules of the project's other resources (chapters 6, 7, 14, 18-22). */
export const resourceRouteModules: RouteModule[] = [
  flavorRoutes,
  imageRoutes,
  keypairRoutes,
  availabilityZoneRoutes,
  volumeRoutes,
  snapshotRoutes,
  networkRoutes,
  securityGroupRoutes,
];
