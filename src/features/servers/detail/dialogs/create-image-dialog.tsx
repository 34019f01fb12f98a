import { useEffect, useState } from 'react';
import { Alert, Anchor, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPhoto } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { StatusBadge } from '../../../../components/status-badge';
import type { KeyValueRow } from '../../../../components/key-value-editor';
import { imageQueries } from '../../../images/queries';
import type { Image } from '../../../images/schemas';
import { useCompute } from '../../../../lib/compute';
import { translateInputErrors } from '../../../../lib/form-errors';
import { IMAGE_METADATA_LIMITS, nameProblem, refineWith, type MetadataLimits } from '../../../../lib/validation';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';
import { MetadataEditor, metadataRowsSchema, recordOf } from './metadata-editor';

/** 5.5: image names are "more than 0 and less than 243 bytes". */
const IMAGE_NAME_MAX_BYTES = 242;

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

/** Create Image (5.5): the name (5.5: 1–242 bytes) and the image's metadata. */
const createImageSchema = (limits: MetadataLimits) =>
  z.object({
    name: z.string().superRefine(refineWith((name: string) => nameProblem(name, IMAGE_NAME_MAX_BYTES))),
    metadata: metadataRowsSchema(limits),
  });

/** Create Image (5.5): a name and metadata; then a link to the new image. */
export function CreateImageDialog({ server, opened, onClose, maxItems }: CreateImageDialogProps) {
  const { t } = useTranslation();
  const limits: MetadataLimits = { ...IMAGE_METADATA_LIMITS, maxItems: maxItems ?? IMAGE_METADATA_LIMITS.maxItems };
  const form = useForm({
    initialValues: { name: '', metadata: [] as KeyValueRow[] },
    validate: schemaResolver(createImageSchema(limits), { sync: true }),
    validateInputOnChange: true,
    enhanceGetInputProps: translateInputErrors(t),
  });
  const [created, setCreated] = useState<string | null>(null);
  // a fresh form each time the dialog opens, not when the server changes under it
  const defaultName = `${server.name}-image`.slice(0, IMAGE_NAME_MAX_BYTES);
  useEffect(() => {
    if (!opened) return;
    form.setInitialValues({ name: defaultName, metadata: [] });
    form.reset();
    setCreated(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const { name, metadata } = form.getValues();
  const valid = form.isValid() && !created;

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.createImage.title', { name: server.name })}
      request={valid ? serverRequests.createImage(server.id, { name, metadata: recordOf(metadata) }) : null}
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
          <TextInput label={t('server-detail.createImage.name')} required data-autofocus {...form.getInputProps('name')} />
          <MetadataEditor
            label={t('server-detail.createImage.metadata')}
            rows={metadata}
            onChange={(rows) => form.setFieldValue('metadata', rows)}
            limits={limits}
          />
          <Text size="xs" c="dimmed">
            {t('server-detail.createImage.note')}
          </Text>
        </>
      )}
    </ActionDialog>
  );
}
