import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column } from '../../../components/resource-table';
import { StatusBadge } from '../../../components/status-badge';
import { useFormatters } from '../../../lib/format';
import type { ApiVersion } from '../schemas';

/** The endpoint's API versions with status and microversion range (spec 3.3). */
export function VersionsTable({ versions, loading }: { versions: ApiVersion[] | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = <Text span inherit c="dimmed">{t('versions.none')}</Text>;
  const columns: Column<ApiVersion>[] = [
    { key: 'id', header: t('versions.id'), cell: (v) => <Text span inherit fw={600}>{v.id}</Text> },
    { key: 'status', header: t('versions.status'), cell: (v) => <StatusBadge status={v.status} /> },
    { key: 'min', header: t('versions.minVersion'), cell: (v) => v.min_version || none },
    { key: 'max', header: t('versions.maxVersion'), cell: (v) => v.version || none },
    { key: 'updated', header: t('versions.updated'), cell: (v) => (v.updated ? format.dateTime(v.updated) : none) },
  ];
  return (
    <ResourceTable
      label={t('versions.tableLabel')}
      data={versions}
      columns={columns}
      getRowId={(v) => v.id}
      loading={loading}
    />
  );
}
