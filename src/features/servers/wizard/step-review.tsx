import { Alert, Badge, Code, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiRequestPreview, type ApiRequestDescription } from '../../../components/api-request-preview';
import { describeError, isApiError } from '../../../lib/errors';
import { useFormatters } from '../../../lib/format';
import type { QuotaLine } from './quota-impact';
import { tagsAfterCreate } from './request-builders';
import type { WizardForm, WizardCatalog } from './wizard-types';
import { serverNames } from './wizard-values';

/** Nova answers an over-quota create with 403 "Quota exceeded for …" (older: 413 overLimit). */
function isQuotaRefusal(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.code === 'overLimit' || ((error.status === 403 || error.status === 413) && /quota exceeded/i.test(error.message));
}

function QuotaRow({ line }: { line: QuotaLine }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unlimited = line.max === undefined || line.max < 0;
  const amount = (n: number) => (line.resource === 'ram' ? format.megabytes(n) : format.count(n));
  const after = line.used + line.requested;
  const text = unlimited
    ? t(`servers.quota.${line.resource}Unlimited`, { requested: amount(line.requested) })
    : t(`servers.quota.${line.resource}`, { requested: amount(line.requested), after: amount(after), max: amount(line.max ?? 0) });
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{text}</Text>
        {line.exceeds && (
          <Badge color="red" variant="light" tt="none">
            {t('servers.quota.exceeded')}
          </Badge>
        )}
      </Group>
      {!unlimited && (
        <Progress.Root size="sm">
          <Progress.Section
            value={Math.min(100, (line.used / Math.max(1, line.max ?? 1)) * 100)}
            color="gray"
            aria-label={t('servers.quota.bar.used', { resource: t(`servers.quota.name.${line.resource}`) })}
          />
          <Progress.Section
            value={Math.min(100, (line.requested / Math.max(1, line.max ?? 1)) * 100)}
            color={line.exceeds ? 'red' : 'blue'}
            aria-label={t('servers.quota.bar.requested', { resource: t(`servers.quota.name.${line.resource}`) })}
          />
        </Progress.Root>
      )}
    </Stack>
  );
}

interface StepReviewProps {
  form: WizardForm;
  catalog: WizardCatalog;
  quota: QuotaLine[];
  request: ApiRequestDescription;
  submitError: unknown;
}

/** What will be created, what it uses of the quota, and the exact request. */
export function StepReview({ form, catalog, quota, request, submitError }: StepReviewProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const values = form.values;
  const image = catalog.images.find((entry) => entry.id === values.imageId);
  const snapshot = catalog.snapshots?.find((entry) => entry.id === values.snapshotId);
  const keep = values.deleteOnTermination ? t('servers.wizard.deletedWithServer') : t('servers.wizard.keptAfterServer');
  const flavor = catalog.flavors.find((entry) => entry.id === values.flavorId);
  const over = quota.filter((line) => line.exceeds);
  const tags = tagsAfterCreate(values);
  const described = submitError ? describeError(submitError, t) : null;
  const error = described && isQuotaRefusal(submitError) ? { ...described, title: t('servers.quota.refusedTitle') } : described;

  const names = serverNames(values);
  const rows: Array<[string, React.ReactNode]> = [
    names.length > 1 ? [t('servers.wizard.names'), t('servers.wizard.namesSummary', { count: names.length, first: names[0], last: names.at(-1) })] : [t('servers.wizard.name'), values.name],
    [t('servers.wizard.az'), values.availabilityZone || t('servers.wizard.azAny')],
    values.bootSource === 'snapshot'
      ? [t('servers.wizard.snapshot'), snapshot?.name || values.snapshotId]
      : [t('servers.wizard.image'), image?.name ?? values.imageId],
    [
      t('servers.wizard.flavor'),
      flavor ? `${flavor.name} · ${t('servers.list.flavorSize', { vcpus: flavor.vcpus, ram: format.megabytes(flavor.ram) })} · ${format.gigabytes(flavor.disk)}` : values.flavorId,
    ],
    [
      t('servers.wizard.nics'),
      values.nics
        .map((nic) => {
          if (nic.kind === 'port') return t('servers.wizard.portShort', { id: nic.portId });
          const net = catalog.networks.find((entry) => entry.id === nic.networkId);
          const name = net?.label ?? nic.networkId;
          return nic.fixedIp ? `${name} (${nic.fixedIp})` : name;
        })
        .join(', '),
    ],
    [t('servers.wizard.securityGroups'), values.securityGroups.join(', ') || '—'],
    [t('servers.wizard.keypair'), values.keyName || t('servers.wizard.keypairNone')],
    [
      t('servers.wizard.bootVolume'),
      values.bootSource === 'snapshot'
        ? t('servers.wizard.snapshotVolumeSummary', { size: values.volumeSize === '' ? (snapshot?.size ?? '—') : values.volumeSize, keep })
        : values.bootFromVolume
          ? t('servers.wizard.bootVolumeSummary', { size: values.volumeSize, keep })
          : t('servers.wizard.bootFromImage'),
    ],
    [t('servers.wizard.userData'), values.userDataMode === 'file' ? values.userDataFile?.name ?? '—' : values.userData ? t('servers.wizard.userDataLines', { count: values.userData.split('\n').length }) : '—'],
    [t('servers.wizard.tags'), tags.length ? tags.join(', ') : '—'],
  ];

  return (
    <Stack gap="lg">
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={error.title} role="alert">
          <Stack gap={4}>
            <Text size="sm">{error.message}</Text>
            {error.requestId && (
              <Text size="xs" c="dimmed">
                {t('errors.requestId')} <Code fz="xs">{error.requestId}</Code>
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {over.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('servers.quota.overTitle')} role="alert">
          {t('servers.quota.overMessage', { resources: over.map((line) => t(`servers.quota.name.${line.resource}`)).join(', ') })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('servers.wizard.summary')}
          </Title>
          <Table verticalSpacing={6} aria-label={t('servers.wizard.summary')}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="35%" fw={500} c="dimmed">
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {tags.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('servers.wizard.tagsLater')}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" role="region" aria-label={t('servers.quota.title')}>
          <Title order={2} size="h4" mb="sm">
            {t('servers.quota.title')}
          </Title>
          <Stack gap="md">
            {quota.length === 0 ? <Text size="sm" c="dimmed">{t('servers.quota.unknown')}</Text> : quota.map((line) => <QuotaRow key={line.resource} line={line} />)}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('servers.wizard.request')}
        </Title>
        <ApiRequestPreview {...request} />
      </Paper>
    </Stack>
  );
}
