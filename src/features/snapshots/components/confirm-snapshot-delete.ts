import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import { DELETABLE_SNAPSHOT_STATUSES, type Snapshot } from '../schemas';

/** Asks, then deletes (spec 20.3); true when deletion started. */
export async function confirmSnapshotDelete(snapshot: Snapshot, t: TFunction, remove: (id: string) => Promise<unknown>): Promise<boolean> {
  const ok = await confirm({
    title: t('snapshots.delete.title', { name: snapshot.name || snapshot.id }),
    message: DELETABLE_SNAPSHOT_STATUSES.includes(snapshot.status)
      ? t('snapshots.delete.message')
      : t('snapshots.delete.wrongStatus', { status: snapshot.status }),
    confirmLabel: t('snapshots.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(snapshot.id);
  return true;
}
