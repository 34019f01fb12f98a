import { useState } from 'react';
import { Alert, Button, Code, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import type { CreatedKeypair } from '../../keypairs/schemas';
import { keypairNameProblem } from '../../../lib/validation';
import type { KeypairCreation, StepProps } from './wizard-types';

type Mode = 'existing' | 'create' | 'none';

/** Saves the private key the cloud sent once, as `<name>.pem`. */
function downloadPrivateKey(keypair: CreatedKeypair): void {
  if (!keypair.private_key) return;
  const url = URL.createObjectURL(new Blob([keypair.private_key], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${keypair.name}.pem`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Choose a key pair, or create one here (its private key is downloaded at once and never kept). */
export function StepKeypair({ form, catalog, keypairCreation: generate }: StepProps & { keypairCreation: KeypairCreation }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(form.values.keyName ? 'existing' : catalog.keypairs.length ? 'existing' : 'create');
  const [name, setName] = useState('');
  // the private key lives in this component only: never in the draft, never sent anywhere
  const [created, setCreated] = useState<CreatedKeypair | null>(null);
  const nameProblem = name ? keypairNameProblem(name) : null;
  const taken = catalog.keypairs.some((keypair) => keypair.name === name);
  const options = catalog.keypairs.map((keypair) => ({ value: keypair.name, label: keypair.name }));
  if (form.values.keyName && !options.some((option) => option.value === form.values.keyName)) {
    options.push({ value: form.values.keyName, label: form.values.keyName });
  }

  const create = () =>
    generate.mutate(
      { name },
      {
        onSuccess: (keypair) => {
          // kept here only (download again); the mutation lets go of the private key
          generate.reset();
          setCreated(keypair);
          downloadPrivateKey(keypair);
          form.setFieldValue('keyName', keypair.name);
          setName('');
        },
      },
    );

  return (
    <Stack gap="md" maw={620}>
      <SegmentedControl
        value={mode}
        onChange={(value) => {
          setMode(value as Mode);
          if (value === 'none') form.setFieldValue('keyName', '');
        }}
        data={[
          { value: 'existing', label: t('servers.wizard.keypairExisting') },
          { value: 'create', label: t('servers.wizard.keypairCreate') },
          { value: 'none', label: t('servers.wizard.keypairNone') },
        ]}
      />
      {mode === 'existing' && (
        <Select
          label={t('servers.wizard.keypair')}
          placeholder={t('servers.wizard.keypairPick')}
          data={options}
          value={form.values.keyName || null}
          onChange={(keyName) => form.setFieldValue('keyName', keyName ?? '')}
          clearable
          searchable
          nothingFoundMessage={t('servers.wizard.keypairNoneYet')}
        />
      )}
      {mode === 'create' && (
        <Stack gap="xs">
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('servers.wizard.keypairName')}
              description={t('servers.wizard.keypairNameHint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={
                nameProblem
                  ? t(nameProblem.key, nameProblem.values)
                  : taken
                    ? t('servers.wizard.keypairTaken')
                    : undefined
              }
              flex={1}
            />
            <Button
              leftSection={<IconKey size={16} />}
              onClick={create}
              loading={generate.isPending}
              disabled={!name || Boolean(nameProblem) || taken}
            >
              {t('servers.wizard.keypairGenerate')}
            </Button>
          </Group>
          {generate.error && (
            <Alert color="red" title={t('servers.wizard.keypairFailed')}>
              {describeError(generate.error, t).message}
            </Alert>
          )}
        </Stack>
      )}
      {created && (
        <Alert color="teal" title={t('servers.wizard.keypairCreated', { name: created.name })} icon={<IconKey size={18} />}>
          <Stack gap="xs">
            <Text size="sm">{t('servers.wizard.keypairDownloaded', { file: `${created.name}.pem` })}</Text>
            {created.fingerprint && (
              <Text size="xs" c="dimmed">
                {t('servers.wizard.fingerprint')} <Code fz="xs">{created.fingerprint}</Code>
              </Text>
            )}
            <Group>
              <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => downloadPrivateKey(created)}>
                {t('servers.wizard.keypairDownloadAgain')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {mode === 'none' && (
        <Text size="sm" c="dimmed">
          {t('servers.wizard.keypairNoneHint')}
        </Text>
      )}
    </Stack>
  );
}
