import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { UNLIMITED } from '../../../lib/schemas';
import type { QuotaName } from '../schemas';
import { perItemScope, type QuotaUsageRow } from '../usage';

const SIZES: Partial<Record<QuotaName, 'megabytes' | 'bytes'>> = {
  ram: 'megabytes',
  injected_file_content_bytes: 'bytes',
};

function barColor(percent: number): string {
  if (percent >= 90) return 'red';
  if (percent >= 70) return 'yellow';
  return 'teal';
}

/** Quota (16.1) vs default (16.2) vs usage (15.1), one row per resource. */
export function QuotaUsageTable({ rows }: { rows: QuotaUsageRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const show = (name: QuotaName, value: number | undefined) => {
    if (value === undefined) return <Text span c="dimmed">–</Text>;
    if (value === UNLIMITED) return t('usage.unlimited');
    const size = SIZES[name];
    return size ? format[size](value) : format.count(value);
  };
  return (
    <Table striped aria-label={t('limits.quotas.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quotas.resource')}</Table.Th>
          <Table.Th ta="right">{t('limits.quotas.used')}</Table.Th>
          <Table.Th ta="right">{t('quotas.quota')}</Table.Th>
          <Table.Th ta="right">{t('quotas.default')}</Table.Th>
          <Table.Th w={200}>{t('limits.quotas.usage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name} data-quota={row.name}>
            <Table.Th scope="row" fw={400}>
              {t(`quotas.names.${row.name}`)}
            </Table.Th>
            <Table.Td ta="right">{show(row.name, row.used)}</Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {row.default !== undefined && row.quota !== undefined && row.quota !== row.default && (
                  <Badge size="xs" variant="light" color="grape">
                    {t('limits.quotas.custom')}
                  </Badge>
                )}
                {show(row.name, row.quota)}
              </Group>
            </Table.Td>
            <Table.Td ta="right">{show(row.name, row.default)}</Table.Td>
            <Table.Td>
              {row.percent === null ? (
                <Text size="xs" c="dimmed">
                  {row.quota === UNLIMITED
                    ? t('usage.unlimited')
                    : perItemScope(row.name)
                      ? t(`limits.quotas.perItem.${perItemScope(row.name)}`)
                      : row.used === undefined
                        ? t('limits.quotas.notReported')
                        : '–'}
                </Text>
              ) : (
                <Group gap="xs" wrap="nowrap">
                  <Progress value={row.percent} color={barColor(row.percent)} flex={1} aria-label={t(`quotas.names.${row.name}`)} />
                  <Text size="xs" w={36} ta="right">
                    {row.percent}%
                  </Text>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
