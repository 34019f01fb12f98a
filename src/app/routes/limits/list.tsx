import '../resource-styles';
import { useState } from 'react';
import { Alert, Autocomplete, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportMenu } from '../../../components/export-menu';
import { PageHeader } from '../../../components/page-header';
import { DefaultSkeleton } from '../../../components/query-state';
import { keypairQueries } from '../../../features/keypairs/queries';
import { AbsoluteLimitsTable } from '../../../features/limits/components/absolute-limits-table';
import { limitsQueries } from '../../../features/limits/queries';
import type { AbsoluteLimits } from '../../../features/limits/schemas';
import { QuotaUsageChart } from '../../../features/quotas/components/quota-usage-chart';
import { QuotaUsageTable } from '../../../features/quotas/components/quota-usage-table';
import { quotaQueries } from '../../../features/quotas/queries';
import type { QuotaName } from '../../../features/quotas/schemas';
import { quotaUsageRows, type QuotaUsageRow } from '../../../features/quotas/usage';
import { sessionQueries } from '../../../features/session/queries';
import { useCompute } from '../../../lib/compute';
import type { ExportColumn } from '../../../lib/export';
import { useListParams } from '../../../lib/list-params';
import { AreaRoutes } from '../area-routes';

/** Which `limits.absolute` field counts the use of each quota (spec 15.1). */
const USAGE_FIELDS: Partial<Record<QuotaName, keyof AbsoluteLimits>> = {
  instances: 'totalInstancesUsed',
  cores: 'totalCoresUsed',
  ram: 'totalRAMUsed',
  security_groups: 'totalSecurityGroupsUsed',
  server_groups: 'totalServerGroupsUsed',
  floating_ips: 'totalFloatingIpsUsed',
};

export function usageFromLimits(limits: AbsoluteLimits | undefined): Partial<Record<QuotaName, number>> {
  const used: Partial<Record<QuotaName, number>> = {};
  if (!limits) return used;
  for (const [name, field] of Object.entries(USAGE_FIELDS) as [QuotaName, keyof AbsoluteLimits][]) {
    const value = limits[field];
    if (value !== undefined) used[name] = value;
  }
  return used;
}

function quotaExportColumns(t: (key: string) => string): ExportColumn<QuotaUsageRow>[] {
  return [
    { header: 'resource', value: (r) => r.name },
    { header: t('quotas.resource'), value: (r) => t(`quotas.names.${r.name}`) },
    { header: t('limits.quotas.used'), value: (r) => r.used },
    { header: t('quotas.quota'), value: (r) => r.quota },
    { header: t('quotas.default'), value: (r) => r.default },
    { header: `${t('limits.quotas.usage')} (%)`, value: (r) => r.percent },
  ];
}

/** Admins: whose figures to show (spec 15.1 `?tenant_id=`, 16.1's tenant in the path). */
function ProjectPicker({ current, own, onChange }: { current: string; own: string; onChange: (project: string) => void }) {
  const { t } = useTranslation();
  const projects = useQuery(sessionQueries.projects());
  const [text, setText] = useState(current === own ? '' : current);
  const byName = new Map((projects.data ?? []).map((p) => [p.name, p.id]));
  const apply = () => onChange(byName.get(text.trim()) ?? text.trim());
  return (
    <Group align="flex-end" gap="sm">
      <Autocomplete
        label={t('limits.project.label')}
        description={t('limits.project.hint')}
        placeholder={t('limits.project.placeholder')}
        data={(projects.data ?? []).map((p) => p.name)}
        value={text}
        onChange={setText}
        onOptionSubmit={(name) => onChange(byName.get(name) ?? name)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
        w={320}
      />
      <Button variant="default" onClick={apply}>
        {t('limits.project.show')}
      </Button>
      {current !== own && (
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            onChange('');
          }}
        >
          {t('limits.project.own')}
        </Button>
      )}
    </Group>
  );
}

function LimitsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const session = useQuery(sessionQueries.current());
  const isAdmin = session.data?.isAdmin ?? false;
  const list = useListParams(['project'] as const);
  const own = compute.projectId;
  const project = isAdmin && list.filters.project ? list.filters.project : own;
  const other = project !== own;

  const limits = useQuery(limitsQueries.absolute(compute, other ? project : undefined));
  const quota = useQuery(quotaQueries.detail(compute, project));
  const defaults = useQuery(quotaQueries.defaults(compute, project));
  // key pairs belong to the user: their count is known for one's own project only
  const keypairs = useQuery({ ...keypairQueries.list(compute), enabled: !other });

  const used = { ...usageFromLimits(limits.data), ...(!other && keypairs.data ? { key_pairs: keypairs.data.length } : {}) };
  const rows = quota.data ? quotaUsageRows(quota.data, defaults.data, used) : undefined;
  const projectName = session.data && !other ? session.data.project.name : project;
  const failed = quota.error ?? limits.error;

  return (
    <>
      <PageHeader
        title={t('areas.limits.title')}
        description={t('limits.description', { project: projectName })}
        actions={<ExportMenu rows={rows} columns={quotaExportColumns(t)} fileName={`quotas-${project}`} />}
      />
      <Stack gap="md">
        {isAdmin ? (
          <ProjectPicker current={project} own={own} onChange={(value) => list.setFilters({ project: value === own ? '' : value })} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('limits.project.memberNote')}
          </Text>
        )}
        {failed && !rows ? (
          <ErrorAlert
            error={failed}
            onRetry={() => {
              void quota.refetch();
              void limits.refetch();
            }}
          />
        ) : !rows ? (
          <DefaultSkeleton lines={8} />
        ) : (
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Card padding="lg" h="100%">
                <Title order={2} size="h5" mb="sm">
                  {t('limits.quotas.title')}
                </Title>
                <QuotaUsageTable rows={rows} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <Card padding="lg">
                  <Title order={2} size="h5" mb="sm">
                    {t('limits.quotas.chartTitle')}
                  </Title>
                  <QuotaUsageChart rows={rows} />
                </Card>
                {other && (
                  <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
                    {t('limits.project.keypairsNote')}
                  </Alert>
                )}
                <Card padding="lg">
                  <Title order={2} size="h5" mb="sm">
                    {t('limits.absolute.title')}
                  </Title>
                  {limits.data ? <AbsoluteLimitsTable limits={limits.data} /> : limits.error ? <ErrorAlert error={limits.error} /> : <DefaultSkeleton />}
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

export const routePatterns = [''];

/** Limits (spec 15.1) and quotas (16.1, 16.2) of the project, or of another one for admins. */
export function Component() {
  return <AreaRoutes routes={[{ path: '', element: <LimitsPage /> }]} />;
}
