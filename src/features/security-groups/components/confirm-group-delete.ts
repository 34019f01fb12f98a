import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import { DEFAULT_GROUP, type SecurityGroup } from '../schemas';

/**
 * Why a group cannot be deleted now — the project's default group, or a group servers use (the
 * cloud answers 400) — or null. Servers name their groups, so a group whose name another group
 * shares may or may not be the one in use: it is not blocked, the dialog warns instead.
 */
function groupDeleteBlock(group: Pick<SecurityGroup, 'name'>, usedBy: number | undefined, nameShared: boolean): 'default' | 'inUse' | null {
  if (group.name === DEFAULT_GROUP) return 'default';
  if (usedBy && !nameShared) return 'inUse';
  return null;
}

/** The sentence saying why (for a disabled Delete), or false. */
export function groupDeleteReason(t: TFunction, group: Pick<SecurityGroup, 'name'>, usedBy: number | undefined, nameShared: boolean): string | false {
  const block = groupDeleteBlock(group, usedBy, nameShared);
  if (block === 'default') return t('securityGroups.delete.defaultRefused');
  if (block === 'inUse') return t('securityGroups.delete.inUseBlocked', { count: usedBy });
  return false;
}

/**
 * Delete Security Group (22.5). The `default` group is Neutron's and is never sent; a group
 * still used by servers is refused by the cloud, which the dialog says before asking.
 */
export async function confirmGroupDelete(
  group: SecurityGroup,
  usedBy: number | undefined,
  t: TFunction,
  remove: (id: string) => Promise<unknown>,
): Promise<boolean> {
  if (group.name === DEFAULT_GROUP) {
    await confirm({ title: t('securityGroups.delete.title', { name: group.name }), message: t('securityGroups.delete.defaultRefused'), confirmLabel: t('ui.close') });
    return false;
  }
  const ok = await confirm({
    title: t('securityGroups.delete.title', { name: group.name }),
    message: usedBy ? t('securityGroups.delete.inUse', { count: usedBy }) : t('securityGroups.delete.message'),
    confirmLabel: t('securityGroups.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(group.id);
  return true;
}
