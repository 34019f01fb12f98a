import type { RouteModule } from './index.ts';
import instanceActions from './instance-actions.ts';
import interfaces from './interfaces.ts';
import ips from './ips.ts';
import limits from './limits.ts';
import metadata from './metadata.ts';
import quotas from './quotas.ts';
import serverActions from './server-actions.ts';
import serverGroups from './server-groups.ts';
import serverPassword from './server-password.ts';
import serverSecurityGroups from './server-security-groups.ts';
import servers from './servers.ts';
import tags from './tags.ts';
import volumeAttachments from './volume-attachments.ts';

/** Route modules of servers and everything that hangs off a server (chapters 4, 5, 8-13, 15-17, 22.6, 23). */
export const serverRouteModules: RouteModule[] = [
  servers,
  serverActions,
  serverGroups,
  ips,
  metadata,
  instanceActions,
  volumeAttachments,
  interfaces,
  limits,
  quotas,
  serverPassword,
  serverSecurityGroups,
  tags,
];
