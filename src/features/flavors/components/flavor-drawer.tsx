import '@mantine/core/styles/Drawer.css';
import { Badge, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LaunchButton } from '../../../components/launch-button';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { MetadataTable } from '../../../components/metadata-table';
import { QueryState } from '../../../components/query-state';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { flavorQueries } from '../queries';
import type { Flavor } from '../schemas';

function ExtraSpecs({ flavorId }: { flavorId: string }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const specs = useQuery(flavorQueries.extraSpecs(compute, flavorId));
  return (
    <QueryState query={specs}>
      {(data) => <MetadataTable metadata={data} label={t('flavors.extraSpecs.title')} emptyText={t('flavors.extraSpecs.empty')} />}
    </QueryState>
  );
}

function FlavorDetail({ flavor }: { flavor: Flavor }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light" color={flavor.isPublic ? 'blue' : 'grape'}>
          {flavor.isPublic ? t('flavors.visibility.public') : t('flavors.visibility.private')}
        </Badge>
        {flavor.disabled && (
          <Badge variant="light" color="gray">
            {t('flavors.disabled')}
          </Badge>
        )}
      </Group>
      <DetailFields
        fields={[
          { label: t('flavors.fields.id'), value: <CopyableId value={flavor.id} /> },
          { label: t('flavors.fields.vcpus'), value: format.count(flavor.vcpus) },
          { label: t('flavors.fields.ram'), value: format.megabytes(flavor.ram) },
          { label: t('flavors.fields.disk'), value: format.gigabytes(flavor.disk) },
          { label: t('flavors.fields.swap'), value: flavor.swap ? format.megabytes(flavor.swap) : t('flavors.none') },
          { label: t('flavors.fields.ephemeral'), value: flavor.ephemeral ? format.gigabytes(flavor.ephemeral) : t('flavors.none') },
          { label: t('flavors.fields.rxtx'), value: flavor.rxtxFactor },
        ]}
      />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('flavors.extraSpecs.title')}
        </Title>
        <ExtraSpecs flavorId={flavor.id} />
      </Stack>
      <Group>
        {flavor.disabled ? (
          <Text size="sm" c="dimmed">
            {t('flavors.launchDisabled')}
          </Text>
        ) : (
          <LaunchButton preset={{ flavor: flavor.id }}>{t('flavors.launch')}</LaunchButton>
        )}
      </Group>
    </Stack>
  );
}

interface FlavorDrawerProps {
  /** The flavor whose drawer is open, null when closed. */
  flavorId: string | null;
  onClose: () => void;
}

/** Get Flavor Detail (6.3) and its extra specs (6.4), beside the list. */
export function FlavorDrawer({ flavorId, onClose }: FlavorDrawerProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const flavor = useQuery({ ...flavorQueries.detail(compute, flavorId ?? ''), enabled: Boolean(flavorId) });
  return (
    <Drawer
      opened={Boolean(flavorId)}
      onClose={onClose}
      position="right"
      size="lg"
      // the drawer's title is its h2 already
      title={<Text fw={600} size="lg" span>{flavor.data?.name ?? t('flavors.detail.title')}</Text>}
    >
      {flavorId && <QueryState query={flavor}>{(data) => <FlavorDetail flavor={data} />}</QueryState>}
    </Drawer>
  );
}
