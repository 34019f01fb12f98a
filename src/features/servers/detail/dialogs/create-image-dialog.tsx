import { useEffect, useState } from 'react';
import { Alert, Anchor, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../../components/status-badge';
import type { KeyValueRow } from '../../../../components/key-value-editor';
import { imageQueries } from '../../../images/queries';
import type { Image } from '../../../images/schemas';
import { useCompute } from '../../../../lib/compute';
import { serverRequests } from '../../requests';
import { IMAGE_METADATA_LIMITS, nameProblem, type MetadataLimits } from '../../../../lib/validation';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';
import { MetadataEditor, metadataSendable, recordOf } from './metadata-editor';

/** 5.5: image names are "more than 0 and less than 243 bytes". */
export const IMAGE_NAME_MAX_BYTES = 242;

interface CreateImageDialogProps {
  server: Server;
  opened: boolean;
  onClose: () => void;
  maxItems?: number;
}

/**
 * The image Create Image (5.5) made: the gateway drops `Location` (internals.md) and the body
 * has no image id below 2.45, so it is the newest of the server's images with that name.
 */
function newestNamed(images: readonly Image[] | undefined, name: string): Image | undefined {
  return images?.filter((image) => image.name === name).sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
}

/** The image the request made, found by server and name, with its status until ACTIVE. */
function CreatedImage({ serverId, name }: { serverId: string; name: string }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const images = useQuery({
    ...imageQueries.list(compute, { server: serverId, name }),
    refetchInterval: (query) => (newestNamed(query.state.data, name)?.status.toUpperCase() === 'ACTIVE' ? false : 2000),
  });
  const image = newestNamed(images.data, name);
  if (!image) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{t('server-detail.createImage.finding')}</Text>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Anchor component={Link} to={`/images/${encodeURIComponent(image.id)}`}>
        {t('server-detail.createImage.open', { name: image.name || image.id })}
      </Anchor>
      <StatusBadge status={image.status} />
    </Group>
  );
}

/** Create Image (5.5): a name and metadata; then a link to the new image. */
export function CreateImageDialog({ server, opened, onClose, maxItems }: CreateImageDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [rows, setRows] = useState<KeyValueRow[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  // a fresh form each time the dialog opens, not when the server changes under it
  const defaultName = `${server.name}-image`.slice(0, IMAGE_NAME_MAX_BYTES);
  useEffect(() => {
    if (!opened) return;
    setName(defaultName);
    setRows([]);
    setCreated(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const limits: MetadataLimits = { ...IMAGE_METADATA_LIMITS, maxItems: maxItems ?? IMAGE_METADATA_LIMITS.maxItems };
  const namePb = nameProblem(name, IMAGE_NAME_MAX_BYTES);
  const valid = !namePb && metadataSendable(rows, limits) && !created;

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.createImage.title', { name: server.name })}
      request={valid ? serverRequests.createImage(server.id, { name, metadata: recordOf(rows) }) : null}
      submitLabel={t('server-detail.createImage.submit')}
      alsoInvalidate={[imageQueries.all()]}
      done={Boolean(created)}
      onSuccess={() => {
        setCreated(name);
        return 'stay';
      }}
    >
      {created ? (
        <Alert color="teal" icon={<IconPhoto />} title={t('server-detail.createImage.started')}>
          <Stack gap="xs">
            <Text size="sm">{t('server-detail.createImage.startedHint')}</Text>
            <CreatedImage serverId={server.id} name={created} />
          </Stack>
        </Alert>
      ) : (
        <>
          <TextInput
            label={t('server-detail.createImage.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={namePb && t(namePb.key, namePb.values)}
            required
            data-autofocus
          />
          <MetadataEditor label={t('server-detail.createImage.metadata')} rows={rows} onChange={setRows} limits={limits} />
          <Text size="xs" c="dimmed">
            {t('server-detail.createImage.note')}
          </Text>
        </>
      )}
    </ActionDialog>
  );
}
