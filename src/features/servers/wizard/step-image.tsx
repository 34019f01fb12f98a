import { useId, useState } from 'react';
import { Badge, Group, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { minVolumeSize } from './wizard-validation';
import type { WizardValues } from './wizard-values';
import { OsIcon, osOf } from './os-icon';
import type { StepProps } from './wizard-types';
import classes from './wizard.module.css';

/** The boot source: an image, or a volume snapshot a new system volume is made from (spec 4.2). */
export function StepImage(props: StepProps) {
  const { t } = useTranslation();
  const { form, catalog } = props;
  const source = form.values.bootSource;
  const labelId = useId();
  const choose = (next: WizardValues['bootSource']) => {
    if (next === source) return;
    form.setFieldValue('bootSource', next);
    // a size chosen for one source means nothing for the other
    const image = catalog.images.find((entry) => entry.id === form.values.imageId);
    form.setFieldValue('volumeSize', next === 'image' && form.values.bootFromVolume ? minVolumeSize(image) : '');
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={labelId}>
          {t('servers.wizard.bootSource')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={source}
          onChange={(value) => choose(value as WizardValues['bootSource'])}
          data={[
            { value: 'image', label: t('servers.wizard.bootSourceImage') },
            { value: 'snapshot', label: t('servers.wizard.bootSourceSnapshot') },
          ]}
          w="fit-content"
        />
      </Stack>
      {source === 'snapshot' ? <SnapshotChoices {...props} /> : <ImageChoices {...props} />}
    </Stack>
  );
}

function ImageChoices({ form, catalog, errorOf }: StepProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const images = catalog.images
    .filter((image) => !image.status || image.status.toUpperCase() === 'ACTIVE')
    .filter((image) => {
      if (!needle) return true;
      const os = osOf(image.metadata, image.name);
      return [image.name ?? '', image.id, os.platform, os.type].some((text) => text.toLowerCase().includes(needle));
    });
  const error = errorOf('imageId');

  return (
    <>
      <TextInput
        label={t('servers.wizard.imageSearch')}
        placeholder={t('servers.wizard.imageSearchPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <Radio.Group
        label={t('servers.wizard.image')}
        withAsterisk
        value={form.values.imageId}
        onChange={(id) => form.setFieldValue('imageId', id)}
        error={error}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
          {images.map((image) => {
            const os = osOf(image.metadata, image.name);
            const visibility = typeof image.metadata?.__imagetype === 'string' ? (image.metadata.__imagetype as string) : '';
            return (
              <Radio.Card key={image.id} value={image.id} radius="md" p="sm" className={classes.choice} aria-label={image.name ?? image.id}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={4} />
                  <OsIcon metadata={image.metadata} name={image.name} />
                  <Stack gap={2} miw={0}>
                    <Text fw={500} size="sm" truncate>
                      {image.name ?? image.id}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[os.type, os.platform].filter(Boolean).join(' · ') || t('servers.wizard.osUnknown')}
                    </Text>
                    <Group gap={4}>
                      {/* a minimum of 0 is no minimum: not said */}
                      {Boolean(image.minDisk) && (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {t('servers.wizard.minDisk', { size: format.gigabytes(image.minDisk ?? 0) })}
                        </Badge>
                      )}
                      {Boolean(image.minRam) && (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {t('servers.wizard.minRam', { size: format.megabytes(image.minRam ?? 0) })}
                        </Badge>
                      )}
                      {visibility && (
                        <Badge size="xs" variant="light" tt="none">
                          {t(`servers.wizard.imageType.${visibility}`, { defaultValue: visibility })}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Group>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
      {images.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('servers.wizard.noImage')}
        </Text>
      )}
    </>
  );
}

/** The project's available snapshots; whether one was of a system disk only the cloud knows, and says. */
function SnapshotChoices({ form, catalog, errorOf }: StepProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const snapshots = (catalog.snapshots ?? []).filter((snapshot) => snapshot.status === 'available');

  return (
    <>
      <Radio.Group
        label={t('servers.wizard.snapshot')}
        description={t('servers.wizard.snapshotHint')}
        withAsterisk
        value={form.values.snapshotId}
        onChange={(id) => form.setFieldValue('snapshotId', id)}
        error={errorOf('snapshotId')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
          {snapshots.map((snapshot) => (
            <Radio.Card key={snapshot.id} value={snapshot.id} radius="md" p="sm" className={classes.choice} aria-label={snapshot.name || snapshot.id}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={4} />
                <Stack gap={2} miw={0}>
                  <Text fw={500} size="sm" truncate>
                    {snapshot.name || snapshot.id}
                  </Text>
                  {snapshot.createdAt && (
                    <Text size="xs" c="dimmed">
                      {format.dateTime(snapshot.createdAt)}
                    </Text>
                  )}
                  <Group gap={4}>
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {t('servers.wizard.snapshotSize', { size: format.gigabytes(snapshot.size) })}
                    </Badge>
                  </Group>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {snapshots.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('servers.wizard.noSnapshot')}
        </Text>
      )}
    </>
  );
}
