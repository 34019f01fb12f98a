import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { availabilityZoneQueries } from '../../../features/availability-zones/queries';
import { snapshotQueries } from '../../../features/snapshots/queries';
import type { AttachTarget } from '../../../features/volumes/rules';
import { useCompute } from '../../../lib/compute';
import { useProjectServers } from '../server-refs';

/**
 * What the volume pages borrow from other features: the zones to create in, the snapshots
 * (to create from, and because a volume with snapshots cannot be deleted), and the servers
 * to attach to and to name.
 */
export function useVolumeContext() {
  const compute = useCompute();
  const zones = useQuery(availabilityZoneQueries.list(compute));
  const snapshots = useQuery(snapshotQueries.list(compute));
  const servers = useProjectServers();

  return useMemo(() => {
    const snapshotCount = new Map<string, number>();
    for (const s of snapshots.data ?? []) if (s.status !== 'deleted') snapshotCount.set(s.volumeId, (snapshotCount.get(s.volumeId) ?? 0) + 1);
    const attachTargets: AttachTarget[] | undefined = servers.data?.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      zone: s['OS-EXT-AZ:availability_zone'] ?? null,
    }));
    return {
      zones: (zones.data ?? []).filter((z) => z.available).map((z) => z.name),
      snapshots: snapshots.data,
      snapshotChoices: (snapshots.data ?? []).map((s) => ({ id: s.id, name: s.name, size: s.size, status: s.status })),
      snapshotCount: (volumeId: string) => snapshotCount.get(volumeId) ?? 0,
      attachTargets,
      serverNames: new Map((servers.data ?? []).map((s) => [s.id, s.name])) as ReadonlyMap<string, string>,
    };
  }, [zones.data, snapshots.data, servers.data]);
}
