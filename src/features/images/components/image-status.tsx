import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge, isTransitionalStatus, statusKey } from '../../../components/status-badge';
import type { Image } from '../schemas';

/** The image's status, with its upload progress while it is being saved. */
export function ImageStatus({ image }: { image: Image }) {
  const { t } = useTranslation();
  const saving = isTransitionalStatus(image.status);
  return (
    <Group gap="xs" wrap="nowrap">
      <StatusBadge status={image.status} label={t(`images.status.${statusKey(image.status)}`, { defaultValue: image.status })} />
      {saving && image.progress !== null && (
        <>
          <Progress value={image.progress} w={60} size="sm" animated aria-label={t('images.progress', { progress: image.progress })} />
          <Text size="xs" c="dimmed">
            {image.progress}%
          </Text>
        </>
      )}
    </Group>
  );
}
