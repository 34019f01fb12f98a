import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  FileInput,
  Group,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconFileUpload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { KeyValueEditor } from '../../../components/key-value-editor';
import { encodeBase64Bytes, MAX_TAGS, USER_DATA_MAX_ENCODED } from '../../../lib/validation';
import { chosenSnapshot, encodedUserDataSize, minVolumeSize } from './wizard-validation';
import type { StepProps } from './wizard-types';
import classes from './wizard.module.css';

function RowErrors({ errors }: { errors: Array<string | undefined> }) {
  const shown = errors.filter(Boolean);
  if (!shown.length) return null;
  return (
    <Stack gap={2}>
      {shown.map((error, index) => (
        <Text key={index} size="xs" c="red">
          {error}
        </Text>
      ))}
    </Stack>
  );
}

export function StepAdvanced({ form, catalog, errorOf }: StepProps) {
  const { t } = useTranslation();
  const values = form.values;
  const encoded = encodedUserDataSize(values);
  const image = catalog.images.find((entry) => entry.id === values.imageId);
  const minSize = minVolumeSize(image);
  const fromSnapshot = values.bootSource === 'snapshot';
  const snapshot = chosenSnapshot(values, catalog);
  const limits = catalog.limits;

  const readFile = async (file: File | null) => {
    if (!file) {
      form.setFieldValue('userDataFile', null);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    form.setFieldValue('userDataFile', { name: file.name, base64: encodeBase64Bytes(bytes) });
  };

  return (
    <Stack gap="lg">
      <Fieldset legend={t('servers.wizard.userData')}>
        <Stack gap="xs">
          <SegmentedControl
            size="xs"
            w="fit-content"
            value={values.userDataMode}
            onChange={(mode) => form.setFieldValue('userDataMode', mode as 'text' | 'file')}
            data={[
              { value: 'text', label: t('servers.wizard.userDataText') },
              { value: 'file', label: t('servers.wizard.userDataFile') },
            ]}
          />
          {values.userDataMode === 'text' ? (
            <Textarea
              label={t('servers.wizard.userDataScript')}
              description={t('servers.wizard.userDataHint')}
              autosize
              minRows={4}
              maxRows={14}
              classNames={{ input: classes.mono }}
              {...form.getInputProps('userData')}
              error={errorOf('userData')}
            />
          ) : (
            <FileInput
              label={t('servers.wizard.userDataFileLabel')}
              description={t('servers.wizard.userDataHint')}
              leftSection={<IconFileUpload size={14} />}
              placeholder={values.userDataFile?.name ?? t('servers.wizard.chooseFile')}
              clearable
              onChange={(file) => void readFile(file)}
              error={errorOf('userDataFile')}
            />
          )}
          <Stack gap={2}>
            <Progress
              value={Math.min(100, (encoded / USER_DATA_MAX_ENCODED) * 100)}
              color={encoded > USER_DATA_MAX_ENCODED ? 'red' : 'blue'}
              size="xs"
              aria-label={t('servers.wizard.userDataSize', { size: encoded, max: USER_DATA_MAX_ENCODED })}
            />
            <Text size="xs" c={encoded > USER_DATA_MAX_ENCODED ? 'red' : 'dimmed'}>
              {t('servers.wizard.userDataSize', { size: encoded, max: USER_DATA_MAX_ENCODED })}
            </Text>
          </Stack>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('servers.wizard.bootVolume')}>
        <Stack gap="xs">
          {fromSnapshot ? (
            <Text size="sm" c="dimmed">
              {t('servers.wizard.snapshotVolumeHint', { name: snapshot?.name || values.snapshotId })}
            </Text>
          ) : (
            <Switch
              label={t('servers.wizard.bootFromVolume')}
              description={t('servers.wizard.bootFromVolumeHint')}
              checked={values.bootFromVolume}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                form.setFieldValue('bootFromVolume', on);
                if (on && values.volumeSize === '') form.setFieldValue('volumeSize', minSize);
              }}
            />
          )}
          {(fromSnapshot || values.bootFromVolume) && (
            <Group align="flex-start">
              <NumberInput
                label={t('servers.wizard.volumeSize')}
                description={
                  fromSnapshot
                    ? t('servers.wizard.snapshotVolumeSizeHint', { min: snapshot?.size ?? 1 })
                    : t('servers.wizard.volumeSizeHint', { min: minSize })
                }
                placeholder={fromSnapshot && snapshot ? String(snapshot.size) : undefined}
                min={1}
                allowDecimal={false}
                suffix=" GB"
                {...form.getInputProps('volumeSize')}
                error={errorOf('volumeSize')}
                w={200}
              />
              <Checkbox
                mt={34}
                label={t('servers.wizard.deleteOnTermination')}
                {...form.getInputProps('deleteOnTermination', { type: 'checkbox' })}
              />
            </Group>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend={t('servers.wizard.organise')}>
        <Stack gap="md">
          <TagsInput
            label={t('servers.wizard.tags')}
            description={t('servers.wizard.tagsHint', { max: MAX_TAGS })}
            value={values.tags}
            onChange={(tags) => form.setFieldValue('tags', tags)}
            error={errorOf('tags')}
            clearable
            splitChars={[' ']}
          />
          <div>
            <KeyValueEditor
              label={t('servers.wizard.metadata')}
              value={values.metadata}
              onChange={(rows) => form.setFieldValue('metadata', rows)}
              maxItems={limits?.maxServerMeta !== undefined && limits.maxServerMeta >= 0 ? limits.maxServerMeta : undefined}
            />
            <RowErrors
              errors={[
                errorOf('metadata'),
                ...values.metadata.flatMap((_, index) => [errorOf(`metadata.${index}.key`), errorOf(`metadata.${index}.value`)]),
              ]}
            />
          </div>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('servers.wizard.personality')}>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('servers.wizard.personalityHint', {
              files: limits?.maxPersonality ?? '—',
              bytes: limits?.maxPersonalitySize ?? '—',
            })}
          </Text>
          {values.personality.map((_, index) => (
            <Group key={index} align="flex-start" wrap="nowrap" role="group" aria-label={t('servers.wizard.fileN', { index: index + 1 })}>
              <TextInput
                label={t('servers.wizard.filePath')}
                placeholder="/etc/banner.txt"
                {...form.getInputProps(`personality.${index}.path`)}
                error={errorOf(`personality.${index}.path`)}
                w={260}
              />
              <Textarea
                label={t('servers.wizard.fileContents')}
                autosize
                minRows={1}
                maxRows={8}
                classNames={{ input: classes.mono }}
                {...form.getInputProps(`personality.${index}.contents`)}
                error={errorOf(`personality.${index}.contents`)}
                flex={1}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('servers.wizard.removeFile', { index: index + 1 })}
                onClick={() => form.removeListItem('personality', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <RowErrors errors={[errorOf('personality')]} />
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('personality', { path: '', contents: '' })}
            >
              {t('servers.wizard.addFile')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('servers.wizard.scheduling')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Select
            label={t('servers.wizard.serverGroup')}
            description={t('servers.wizard.serverGroupHint')}
            placeholder={t('servers.wizard.serverGroupNone')}
            data={catalog.serverGroups.map((group) => ({
              value: group.id,
              label: group.policies?.length ? `${group.name} (${group.policies.join(', ')})` : group.name,
            }))}
            value={values.serverGroupId || null}
            onChange={(id) => form.setFieldValue('serverGroupId', id ?? '')}
            error={errorOf('serverGroupId')}
            clearable
          />
          <div>
            <KeyValueEditor
              label={t('servers.wizard.schedulerHints')}
              value={values.schedulerHints}
              onChange={(rows) => form.setFieldValue('schedulerHints', rows)}
            />
            <RowErrors errors={values.schedulerHints.map((_, index) => errorOf(`schedulerHints.${index}.key`))} />
          </div>
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
