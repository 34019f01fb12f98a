import { useMemo } from 'react';
import type { Server } from '../../../features/servers/schemas';
import { useProjectServers } from '../server-refs';

/**
 * Which of the project's servers use each security group. A server lists its groups by name
 * (spec 4.3 `security_groups`), so groups sharing a name share their servers here.
 */
export function useServersByGroupName() {
  const servers = useProjectServers();
  return useMemo(() => {
    if (!servers.data) return undefined;
    const byName = new Map<string, Server[]>();
    for (const server of servers.data) {
      for (const name of new Set((server.security_groups ?? []).map((g) => g.name))) {
        byName.set(name, [...(byName.get(name) ?? []), server]);
      }
    }
    return byName;
  }, [servers.data]);
}
