import { queryOptions } from '@tanstack/react-query';
import { scopeOf, type ComputeTarget } from '../../lib/compute';
import { getVolume, getVolumeAttachment, listVolumeNames, listVolumes } from './api';
import { isTransitionalVolume } from './rules';
import type { Volume } from './schemas';

const POLL_MS = 2000;

export const volumeQueries = {
  all: () => ['volumes'] as const,
  list: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['volumes', 'list', scopeOf(target)] as const,
      queryFn: ({ signal }) => listVolumes(target, signal),
      refetchInterval: (query) => (query.state.data?.some((v: Volume) => isTransitionalVolume(v)) ? POLL_MS : false),
    }),
  names: (target: ComputeTarget) =>
    queryOptions({
      queryKey: ['volumes', 'names', scopeOf(target)] as const,
      queryFn: ({ signal }) => listVolumeNames(target, signal),
      select: (volumes) => new Map(volumes.map((v) => [v.id, v.name])),
    }),
  detail: (target: ComputeTarget, id: string) =>
    queryOptions({
      queryKey: ['volumes', 'detail', scopeOf(target), id] as const,
      queryFn: ({ signal }) => getVolume(target, id, signal),
      refetchInterval: (query) => (query.state.data && isTransitionalVolume(query.state.data) ? POLL_MS : false),
    }),
  /** One attachment of the volume, read from the server's side (12.4). */
  attachment: (target: ComputeTarget, volumeId: string, serverId: string) =>
    queryOptions({
      queryKey: ['volumes', 'attachment', scopeOf(target), volumeId, serverId] as const,
      queryFn: ({ signal }) => getVolumeAttachment(target, serverId, volumeId, signal),
      // gone once detached, while the page still shows the old attachment: not worth a notification
      meta: { errorNotification: 'never' },
    }),
};
