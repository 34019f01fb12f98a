import { Anchor, Card, Grid, Group, Skeleton, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { UsageRing } from '../../components/usage-ring';
import { keypairQueries } from '../../features/keypairs/queries';
import { limitsQueries } from '../../features/limits/queries';
import type { AbsoluteLimits } from '../../features/limits/schemas';
import { QuotaTable } from '../../features/quotas/components/quota-table';
import { quotaQueries } from '../../features/quotas/queries';
import type { QuotaSet } from '../../features/quotas/schemas';
import { sessionQueries } from '../../features/session/queries';
import { versionQueries } from '../../features/versions/queries';
import { useCompute } from '../../lib/compute';
import { useFormatters } from '../../lib/format';
import { CLIENT_MAX_MICROVERSION } from '../../lib/microversion';

function UsageSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} height={118} radius="md" />
      ))}
    </SimpleGrid>
  );
}

/** A limit from `limits`, or the project's quota when the limit is not reported. */
function limitOr(limit: number | undefined, quota: number | undefined): number | undefined {
  return limit ?? quota;
}

function UsageGrid({ limits, quota, keypairsUsed }: { limits: AbsoluteLimits; quota?: QuotaSet; keypairsUsed?: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <UsageRing
        label={t('overview.usage.instances')}
        used={limits.totalInstancesUsed}
        limit={limitOr(limits.maxTotalInstances, quota?.instances)}
      />
      <UsageRing label={t('overview.usage.cores')} used={limits.totalCoresUsed} limit={limitOr(limits.maxTotalCores, quota?.cores)} />
      <UsageRing
        label={t('overview.usage.ram')}
        used={limits.totalRAMUsed}
        limit={limitOr(limits.maxTotalRAMSize, quota?.ram)}
        format={format.megabytes}
      />
      <UsageRing label={t('overview.usage.keypairs')} used={keypairsUsed} limit={limitOr(limits.maxTotalKeypairs, quota?.key_pairs)} />
      <UsageRing
        label={t('overview.usage.securityGroups')}
        used={limits.totalSecurityGroupsUsed}
        limit={limitOr(limits.maxSecurityGroups, quota?.security_groups)}
      />
      <UsageRing
        label={t('overview.usage.serverGroups')}
        used={limits.totalServerGroupsUsed}
        limit={limitOr(limits.maxServerGroups, quota?.server_groups)}
      />
    </SimpleGrid>
  );
}

function VersionsCard() {
  const { t } = useTranslation();
  const compute = useCompute();
  const discovery = useQuery(versionQueries.discovery());
  const legacy = useQuery({ ...versionQueries.detail('v2.0'), enabled: compute.legacyAvailable });
  return (
    <Card padding="lg" radius="md" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('overview.versions.title')}
        </Title>
        <Anchor component={Link} to="/api-versions" size="sm">
          {t('overview.versions.details')}
        </Anchor>
      </Group>
      <QueryState query={discovery}>
        {(found) => (
          <Stack gap="xs">
            {found.versions.map((version) => (
              <Group key={version.id} justify="space-between">
                <Text fw={600}>{version.id}</Text>
                <Group gap="xs">
                  {version.version && (
                    <Text size="sm" c="dimmed">
                      {t('overview.versions.range', { min: version.min_version, max: version.version })}
                    </Text>
                  )}
                  <StatusBadge status={version.status} />
                </Group>
              </Group>
            ))}
            <Text size="sm">
              {found.microversion
                ? t('overview.versions.negotiated', { version: found.microversion, clientMax: CLIENT_MAX_MICROVERSION })
                : t('overview.versions.noMicroversion')}
            </Text>
            {legacy.data && (
              <Text size="sm" c="dimmed">
                {t('overview.versions.legacy', { id: legacy.data.id, status: t(`status.${legacy.data.status.toUpperCase()}`, { defaultValue: legacy.data.status }) })}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

/** Overview: the project's usage against its limits and quotas, and the endpoint's API versions. */
export function Component() {
  const { t } = useTranslation();
  const compute = useCompute();
  const session = useQuery(sessionQueries.current());
  const limits = useQuery(limitsQueries.absolute(compute));
  const quota = useQuery(quotaQueries.detail(compute, compute.projectId));
  const keypairs = useQuery(keypairQueries.list(compute));

  return (
    <>
      <PageHeader
        title={t('areas.overview.title')}
        description={t('overview.description', { project: session.data?.project.name ?? compute.projectId })}
      />
      <Stack gap="xl">
        <section aria-labelledby="overview-usage">
          <Title order={2} size="h4" mb="sm" id="overview-usage">
            {t('overview.usage.title')}
          </Title>
          <QueryState query={limits} skeleton={<UsageSkeleton />}>
            {(absolute) => <UsageGrid limits={absolute} quota={quota.data} keypairsUsed={keypairs.data?.length} />}
          </QueryState>
        </section>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card padding="lg" radius="md" h="100%">
              <Title order={2} size="h4" mb="sm">
                {t('overview.quotas.title')}
              </Title>
              <QueryState query={quota}>{(set) => <QuotaTable quota={set} />}</QueryState>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <VersionsCard />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
