import { useEffect, useState } from 'react';
import { Alert, Loader, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CopyableId } from '../../../../components/detail-fields';
import type { KeyValueRow } from '../../../../components/key-value-editor';
import { imageQueries } from '../../../images/queries';
import { useCompute } from '../../../../lib/compute';
import { translateInputErrors } from '../../../../lib/form-errors';
import { IMAGE_METADATA_LIMITS, nameProblem, refineWith, type MetadataLimits } from '../../../../lib/validation';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';
import { MetadataEditor, metadataRowsSchema, recordOf } from './metadata-editor';

interface RebuildDialogProps {
  server: Server;
  opened: boolean;
  onClose: () => void;
  /** The project's maxServerMeta, when known. */
  maxItems?: number;
}

/** The part of Rebuild's answer (5.6) the dialog shows: the new administrator password. */
const rebuildPasswordSchema = z.object({ server: z.object({ adminPass: z.string().optional() }) });

/** 5.6: rebuild names are "more than 0 and less than 255 bytes". */
const REBUILD_NAME_MAX_BYTES = 254;

/** Rebuild (5.6): an image, and optionally a new name (1–254 bytes), metadata and admin password. */
const rebuildSchema = (limits: MetadataLimits) =>
  z.object({
    imageRef: z.string().nullable().refine(Boolean, 'validation.required'),
    name: z.string().superRefine(refineWith((name: string) => (name ? nameProblem(name, REBUILD_NAME_MAX_BYTES) : null))),
    metadata: metadataRowsSchema(limits),
    adminPass: z.string(),
  });

/** Rebuild (5.6): an active image, optionally a new name, metadata and admin password. */
export function RebuildDialog({ server, opened, onClose, maxItems }: RebuildDialogProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const images = useQuery({ ...imageQueries.list(compute), enabled: opened });
  const limits: MetadataLimits = { ...IMAGE_METADATA_LIMITS, maxItems: maxItems ?? IMAGE_METADATA_LIMITS.maxItems };
  const form = useForm({
    initialValues: { imageRef: null as string | null, name: '', metadata: [] as KeyValueRow[], adminPass: '' },
    validate: schemaResolver(rebuildSchema(limits), { sync: true }),
    validateInputOnChange: true,
    enhanceGetInputProps: translateInputErrors(t),
  });
  const [newPassword, setNewPassword] = useState<string | null>(null);

  // a fresh form each time the dialog opens (not when the server changes under it: the
  // rebuild itself changes its image and name while the dialog shows the new password)
  const currentImage = server.image?.id ?? null;
  useEffect(() => {
    if (!opened) return;
    form.setInitialValues({ imageRef: currentImage, name: '', metadata: [], adminPass: '' });
    form.reset();
    setNewPassword(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const { imageRef, name, metadata, adminPass } = form.getValues();
  const valid = form.isValid() && !newPassword;
  const options = (images.data ?? [])
    .filter((image) => image.status.toUpperCase() === 'ACTIVE')
    .map((image) => ({ value: image.id, label: image.name ? `${image.name} (${image.id.slice(0, 8)})` : image.id }));

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.rebuild.title', { name: server.name })}
      request={valid && imageRef ? serverRequests.rebuild(server.id, { imageRef, name, metadata: recordOf(metadata), adminPass }) : null}
      submitLabel={t('server-detail.rebuild.submit')}
      danger
      done={Boolean(newPassword)}
      onSuccess={(result) => {
        const parsed = rebuildPasswordSchema.safeParse(result);
        const password = parsed.success ? parsed.data.server.adminPass : undefined;
        if (!password) return;
        setNewPassword(password);
        return 'stay';
      }}
    >
      {newPassword ? (
        <Alert color="teal" icon={<IconKey />} title={t('server-detail.rebuild.started')}>
          <Stack gap="xs">
            <Text size="sm">{t('server-detail.rebuild.passwordHint')}</Text>
            <CopyableId value={newPassword} />
          </Stack>
        </Alert>
      ) : (
        <>
          <Alert color="orange" variant="light">
            {t('server-detail.rebuild.warning')}
          </Alert>
          {/* Not editable until the images are there: Select rewrites its search text to the
              chosen option's label when its data arrives, which would mangle what was typed. */}
          <Select
            label={t('server-detail.rebuild.image')}
            placeholder={images.data ? t('server-detail.rebuild.imagePlaceholder') : t('common.loading')}
            disabled={!images.data}
            rightSection={images.isPending ? <Loader size="xs" /> : undefined}
            data={options}
            {...form.getInputProps('imageRef')}
            searchable
            nothingFoundMessage={t('server-detail.rebuild.noImages')}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('server-detail.rebuild.name')}
            description={t('server-detail.rebuild.nameHint')}
            {...form.getInputProps('name')}
          />
          <MetadataEditor
            label={t('server-detail.rebuild.metadata')}
            rows={metadata}
            onChange={(rows) => form.setFieldValue('metadata', rows)}
            limits={limits}
          />
          <PasswordInput
            label={t('server-detail.rebuild.adminPass')}
            description={t('server-detail.rebuild.adminPassHint')}
            autoComplete="new-password"
            {...form.getInputProps('adminPass')}
          />
        </>
      )}
    </ActionDialog>
  );
}
