import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import type { ServerGroup } from '../schemas';

/** Asks, then deletes (spec 8.4); true when deleted. Members keep running, outside any group. */
export async function confirmServerGroupDelete(group: ServerGroup, t: TFunction, remove: (id: string) => Promise<unknown>): Promise<boolean> {
  const ok = await confirm({
    title: t('serverGroups.delete.title', { name: group.name }),
    message: group.members.length ? t('serverGroups.delete.withMembers', { count: group.members.length }) : t('serverGroups.delete.message'),
    confirmLabel: t('serverGroups.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(group.id);
  return true;
}
