import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import { DEFAULT_GROUP, type SecurityGroup } from '../schemas';

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
