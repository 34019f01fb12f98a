import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { UNLIMITED } from '../../../lib/schemas';
import { quotaNames, type QuotaName, type QuotaSet } from '../schemas';

const SIZES: Partial<Record<QuotaName, 'megabytes' | 'bytes'>> = {
  ram: 'megabytes',
  injected_file_content_bytes: 'bytes',
};

/** The project's quota set (spec 16.1), optionally next to the defaults (16.2). */
export function QuotaTable({ quota, defaults }: { quota: QuotaSet; defaults?: QuotaSet }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const show = (name: QuotaName, value: number | undefined) => {
    if (value === undefined) return <Text span inherit c="dimmed">–</Text>;
    if (value === UNLIMITED) return t('usage.unlimited');
    const size = SIZES[name];
    return size ? format[size](value) : format.count(value);
  };
  return (
    <Table striped aria-label={t('quotas.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quotas.resource')}</Table.Th>
          <Table.Th ta="right">{t('quotas.quota')}</Table.Th>
          {defaults && <Table.Th ta="right">{t('quotas.default')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {quotaNames
          .filter((name) => quota[name] !== undefined)
          .map((name) => (
            <Table.Tr key={name}>
              <Table.Td>{t(`quotas.names.${name}`)}</Table.Td>
              <Table.Td ta="right">{show(name, quota[name])}</Table.Td>
              {defaults && <Table.Td ta="right">{show(name, defaults[name])}</Table.Td>}
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
