import { Badge, Group, Radio, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { exceedsQuota, quotaImpact } from './quota-impact';
import { flavorFitsImage } from './wizard-validation';
import { bootsFromVolume, serverCount } from './wizard-values';
import type { StepProps } from './wizard-types';
import classes from './wizard.module.css';

/** Flavors as a table (vCPU, RAM, disk), filtered to what the chosen image needs. */
export function StepFlavor({ form, catalog, errorOf }: StepProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [showAll, setShowAll] = useState(false);
  // from a snapshot there is no image to fit: any flavor's disk gives way to the new volume
  const image = form.values.bootSource === 'image' ? catalog.images.find((entry) => entry.id === form.values.imageId) : undefined;
  const volumeBacked = bootsFromVolume(form.values);
  const flavors = [...catalog.flavors]
    .filter((flavor) => !flavor.disabled)
    .sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk || a.name.localeCompare(b.name));
  const fits = (id: string) => {
    const flavor = flavors.find((entry) => entry.id === id);
    return flavor ? flavorFitsImage(flavor, image, volumeBacked) : false;
  };
  const shown = showAll ? flavors : flavors.filter((flavor) => fits(flavor.id));
  const hidden = flavors.length - flavors.filter((flavor) => fits(flavor.id)).length;
  const error = errorOf('flavorId');

  /** What the image asks of a flavor, in a sentence; only the minimums it has. */
  const imageNeeds = (chosen: NonNullable<typeof image>, fromVolume: boolean) => {
    const needs = [
      chosen.minRam ? t('servers.wizard.needsRam', { ram: format.megabytes(chosen.minRam) }) : null,
      fromVolume ? t('servers.wizard.needsVolume') : chosen.minDisk ? t('servers.wizard.needsDisk', { disk: format.gigabytes(chosen.minDisk) }) : null,
    ].filter((need): need is string => need !== null);
    const name = chosen.name ?? chosen.id;
    return needs.length ? t('servers.wizard.flavorFilter', { image: name, needs: needs.join(t('servers.wizard.needsJoin')) }) : t('servers.wizard.flavorFitsAll', { image: name });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {image
            ? imageNeeds(image, volumeBacked)
            : form.values.bootSource === 'snapshot'
              ? t('servers.wizard.flavorFromSnapshot')
              : t('servers.wizard.flavorNoImage')}
        </Text>
        {hidden > 0 && (
          <Switch
            size="sm"
            label={t('servers.wizard.showUnfit', { count: hidden })}
            checked={showAll}
            onChange={(event) => setShowAll(event.currentTarget.checked)}
          />
        )}
      </Group>
      <Radio.Group value={form.values.flavorId} onChange={(id) => form.setFieldValue('flavorId', id)} error={error} label={t('servers.wizard.flavor')} withAsterisk>
        <Table.ScrollContainer minWidth={560} mt="xs">
          <Table highlightOnHover aria-label={t('servers.wizard.flavorTable')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <VisuallyHidden>{t('servers.wizard.flavorChoice')}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t('servers.wizard.flavorName')}</Table.Th>
                <Table.Th ta="right">{t('servers.wizard.vcpus')}</Table.Th>
                <Table.Th ta="right">{t('servers.wizard.ram')}</Table.Th>
                <Table.Th ta="right">{t('servers.wizard.disk')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('servers.wizard.flavorNotes')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((flavor) => {
                const fit = fits(flavor.id);
                const over = exceedsQuota(quotaImpact(catalog.limits, flavor, serverCount(form.values)));
                const selected = form.values.flavorId === flavor.id;
                return (
                  <Table.Tr
                    key={flavor.id}
                    className={classes.flavorRow}
                    data-selected={selected || undefined}
                    data-unfit={!fit || undefined}
                    onClick={() => fit && form.setFieldValue('flavorId', flavor.id)}
                  >
                    <Table.Td>
                      <Radio value={flavor.id} disabled={!fit} aria-label={flavor.name} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {flavor.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{flavor.vcpus}</Table.Td>
                    <Table.Td ta="right">{format.megabytes(flavor.ram)}</Table.Td>
                    <Table.Td ta="right">{format.gigabytes(flavor.disk)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        {!fit && (
                          <Badge size="xs" color="gray" variant="light" tt="none">
                            {t('servers.wizard.tooSmall')}
                          </Badge>
                        )}
                        {over.length > 0 && (
                          <Badge size="xs" color="red" variant="light" tt="none">
                            {t('servers.wizard.overQuota')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Radio.Group>
    </Stack>
  );
}
