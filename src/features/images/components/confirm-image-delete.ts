import type { TFunction } from 'i18next';
import { confirm } from '../../../components/confirm';
import type { Image } from '../schemas';

/** Asks, then deletes (spec 7.5: Glance's soft delete); true when the image was deleted. */
export async function confirmImageDelete(image: Image, t: TFunction, remove: (id: string) => Promise<unknown>): Promise<boolean> {
  const ok = await confirm({
    title: t('images.delete.title', { name: image.name || image.id }),
    message: t('images.delete.message'),
    confirmLabel: t('images.delete.confirm'),
    danger: true,
  });
  if (!ok) return false;
  await remove(image.id);
  return true;
}
