import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { FeatureSupportTable } from '../../features/versions/components/feature-support-table';
import { VersionsTable } from '../../features/versions/components/versions-table';
import { versionQueries } from '../../features/versions/queries';
import type { ApiVersion } from '../../features/versions/schemas';
import { useCompute } from '../../lib/compute';
import { CLIENT_MAX_MICROVERSION } from '../../lib/microversion';

function VersionDocument({ version }: { version: ApiVersion }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{version.id}</Text>
        <StatusBadge status={version.status} />
      </Group>
      <Text size="sm">
        {version.version
          ? t('overview.versions.range', { min: version.min_version, max: version.version })
          : t('versions.noMicroversions')}
      </Text>
    </Stack>
  );
}

/** API versions (spec 3.3, 3.4): what the endpoint offers and what the console speaks. */
export function Component() {
  const { t } = useTranslation();
  const compute = useCompute();
  const discovery = useQuery(versionQueries.discovery());
  const legacy = useQuery({ ...versionQueries.detail('v2.0'), enabled: compute.legacyAvailable });

  return (
    <>
      <PageHeader title={t('areas.apiVersions.title')} description={t('areas.apiVersions.description')} />
      <Stack gap="lg">
        <QueryState query={discovery}>
          {(found) => (
            <Stack gap="lg">
              <VersionsTable versions={found.versions} />
              <Card padding="lg">
                <Title order={2} size="h4" mb="xs">
                  {t('versions.negotiatedTitle')}
                </Title>
                <Text size="sm">
                  {found.microversion
                    ? t('versions.negotiated', {
                        version: found.microversion,
                        serverMax: found.current?.version || '2.1',
                        clientMax: CLIENT_MAX_MICROVERSION,
                      })
                    : t('overview.versions.noMicroversion')}
                </Text>
                <Text size="sm" c="dimmed" mt="xs">
                  {compute.legacyAvailable ? t('versions.proxyLegacy') : t('versions.proxyCapped')}
                </Text>
              </Card>
              <Card padding="lg">
                <Title order={2} size="h4" mb="xs">
                  {t('versions.featuresTitle')}
                </Title>
                <FeatureSupportTable microversion={found.microversion} />
              </Card>
              <Card padding="lg">
                <Title order={2} size="h4" mb="xs">
                  {t('versions.documentsTitle')}
                </Title>
                <Group align="flex-start" gap="xl">
                  {found.current && <VersionDocument version={found.current} />}
                  {legacy.data && <VersionDocument version={legacy.data} />}
                </Group>
              </Card>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
