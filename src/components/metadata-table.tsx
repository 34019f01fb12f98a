import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Key/value metadata as a read-only table (images, volumes ...). */
export function MetadataTable({ metadata, label, emptyText }: { metadata: Record<string, string>; label: string; emptyText?: string }) {
  const { t } = useTranslation();
  const entries = Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText ?? t('ui.metadata.empty')}
      </Text>
    );
  }
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.metadata.key')}</Table.Th>
          <Table.Th>{t('ui.metadata.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {key}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{value === '' ? '""' : value}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
