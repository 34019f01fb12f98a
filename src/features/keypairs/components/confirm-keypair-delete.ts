import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';

/** Asks, then deletes (spec 14.4); true when the key pair was deleted. */
export async function confirmKeypairDelete(name: string, t: TFunction, remove: (name: string) => Promise<unknown>): Promise<boolean> {
  const ok = await confirm({
    title: t('keypairs.delete.title', { name }),
    message: t('keypairs.delete.message'),
    confirmLabel: t('keypairs.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(name);
  return true;
}
