import { useEffect, useState } from 'react';
import { Loader, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useCompute } from '../../../../lib/compute';
import { translateInputErrors } from '../../../../lib/form-errors';
import { metadataKeyProblem, metadataProblems, metadataValueProblem, refineWith, type MetadataLimits } from '../../../../lib/validation';
import { serverQueries } from '../../queries';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';

export type MetadataItem = { key: string; value: string };

/**
 * One item (10.5): a new key is checked, and must not take the server past its item limit
 * (counting the items it has); an existing key is not edited. The value is checked always.
 */
const itemSchema = (isNew: boolean, existing: Record<string, string>, limits: MetadataLimits) =>
  z.object({
    key: z.string().superRefine(
      refineWith((key: string) => {
        if (!isNew) return null;
        const after = { ...existing, [key]: '' };
        return metadataKeyProblem(key, limits) ?? metadataProblems(Object.keys(after).map((k) => ({ key: k, value: '' })), limits).count;
      }),
    ),
    value: z.string().superRefine(refineWith((value: string) => metadataValueProblem(value, limits))),
  });

/**
 * Set Metadata Item (10.5): one key, new or existing, within the limits. An existing key is read
 * afresh (Show Metadata Item, 10.4) when the dialog opens, so the edit starts from the value on
 * the server now, not the one listed minutes ago.
 */
export function MetadataItemDialog({
  server,
  item,
  existing,
  limits,
  onClose,
}: {
  server: Server;
  /** `{ key: '' }` to add one; null when closed. */
  item: MetadataItem | null;
  existing: Record<string, string>;
  limits: MetadataLimits;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const compute = useCompute();
  const isNew = item !== null && item.key === '';
  const form = useForm({
    initialValues: { key: '', value: '' },
    validate: schemaResolver(itemSchema(isNew, existing, limits), { sync: true }),
    validateInputOnChange: true,
    enhanceGetInputProps: translateInputErrors(t),
  });
  const [typed, setTyped] = useState(false);
  const fresh = useQuery({
    ...serverQueries.metadataItem(compute, server.id, item?.key ?? ''),
    enabled: item !== null && !isNew,
  });
  useEffect(() => {
    if (!item) return;
    form.setInitialValues({ key: item.key, value: item.value });
    form.reset();
    setTyped(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form for each item opened
  }, [item]);
  // the value read afresh replaces the listed one until the user types
  useEffect(() => {
    if (!typed && typeof fresh.data === 'string') form.setFieldValue('value', fresh.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is stable
  }, [fresh.data, typed]);
  const { key, value } = form.getValues();
  const valid = item !== null && key !== '' && form.isValid();
  const valueInput = form.getInputProps('value');
  return (
    <ActionDialog
      opened={Boolean(item)}
      onClose={onClose}
      serverId={server.id}
      title={isNew ? t('server-detail.metadata.addTitle') : t('server-detail.metadata.editTitle', { key: item?.key ?? '' })}
      request={valid ? serverRequests.setMetadataItem(server.id, key, value) : null}
      submitLabel={t('server-detail.metadata.setSubmit')}
    >
      <TextInput
        label={t('server-detail.metadata.key')}
        disabled={!isNew}
        data-autofocus={isNew || undefined}
        required
        {...form.getInputProps('key')}
      />
      <TextInput
        label={t('server-detail.metadata.value')}
        rightSection={fresh.isFetching ? <Loader size="xs" aria-label={t('server-detail.metadata.reading')} /> : undefined}
        data-autofocus={!isNew || undefined}
        {...valueInput}
        onChange={(event) => {
          setTyped(true);
          valueInput.onChange(event);
        }}
      />
      {!isNew && item && <FreshValueNote listed={item.value} fresh={fresh.data} error={fresh.isError} />}
      {isNew && key in existing && (
        <Text size="xs" c="orange">
          {t('server-detail.metadata.overwrites', { key })}
        </Text>
      )}
    </ActionDialog>
  );
}

/** What Show Metadata Item said about the key being edited, when it differs from the list. */
function FreshValueNote({ listed, fresh, error }: { listed: string; fresh: string | null | undefined; error: boolean }) {
  const { t } = useTranslation();
  if (error) return <Text size="xs" c="orange">{t('server-detail.metadata.readFailed')}</Text>;
  if (fresh === undefined) return null;
  if (fresh === null) return <Text size="xs" c="orange">{t('server-detail.metadata.goneOnServer')}</Text>;
  return (
    <Text size="xs" c={fresh === listed ? 'dimmed' : 'orange'}>
      {fresh === listed ? t('server-detail.metadata.readNow') : t('server-detail.metadata.changedOnServer', { value: listed })}
    </Text>
  );
}
