import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import { snapshotListResponseSchema, snapshotResponseSchema, type CreateSnapshotRequest, type Snapshot } from './schemas';

/**
 * The project's snapshots: Nova's List Snapshots Detail (`GET /os-snapshots/detail`), which
 * the spec does not list but every Nova proxy serves beside 20.1–20.3.
 */
export async function listSnapshots(target: ComputeTarget, signal?: AbortSignal): Promise<Snapshot[]> {
  return (await computeRequest(target, { api: 'proxy', path: '/os-snapshots/detail', schema: snapshotListResponseSchema, signal })).snapshots;
}

/** Show Snapshot (20.2). */
export async function getSnapshot(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<Snapshot> {
  return (await computeRequest(target, { api: 'proxy', path: encodePath`/os-snapshots/${id}`, schema: snapshotResponseSchema, signal })).snapshot;
}

/** Create Snapshot (20.1). */
export async function createSnapshot(target: ComputeTarget, request: CreateSnapshotRequest): Promise<Snapshot> {
  const body = await computeRequest(target, {
    api: 'proxy',
    method: 'post',
    path: '/os-snapshots',
    data: { snapshot: request },
    schema: snapshotResponseSchema,
  });
  return body.snapshot;
}

/** Delete Snapshot (20.3): 202, the snapshot goes through deleting. */
export async function deleteSnapshot(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { api: 'proxy', method: 'delete', path: encodePath`/os-snapshots/${id}`, schema: z.unknown() });
}
