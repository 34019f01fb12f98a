import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { serverQueries } from '../../features/servers/queries';
import type { Server } from '../../features/servers/schemas';
import { useCompute } from '../../lib/compute';

/**
 * The project's servers (List Servers Detail), for the pages of other resources that show
 * which servers use them: names for links, addresses per network, security groups, zones.
 * Composed here, in app/, because features never import each other.
 */
export function useProjectServers(enabled = true) {
  const compute = useCompute();
  return useQuery({ ...serverQueries.search(compute, { limit: 1000 }), select: (page) => page.servers, enabled });
}

/** id → name of the project's servers. */
export function useServerNames(): ReadonlyMap<string, string> {
  const servers = useProjectServers();
  return useMemo(() => new Map((servers.data ?? []).map((s: Server) => [s.id, s.name])), [servers.data]);
}
