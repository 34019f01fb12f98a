import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import type { AvailabilityZone } from '../schemas';

export interface ZoneRow extends AvailabilityZone {
  /** Servers and volumes of the project placed in the zone, when known. */
  servers?: number;
  volumes?: number;
}

function ZoneStateBadge({ available }: { available: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={available ? 'green' : 'red'}>
      {available ? t('availabilityZones.available') : t('availabilityZones.unavailable')}
    </Badge>
  );
}

export function ZoneTable({ zones, loading, sort, empty }: { zones: ZoneRow[] | undefined; loading: boolean; sort: TableSort; empty: React.ReactNode }) {
  const { t } = useTranslation();
  const columns: Column<ZoneRow>[] = [
    { key: 'name', header: t('availabilityZones.fields.name'), sortable: true, cell: (z) => z.name },
    { key: 'available', header: t('availabilityZones.fields.state'), sortable: true, cell: (z) => <ZoneStateBadge available={z.available} /> },
    { key: 'servers', header: t('availabilityZones.fields.servers'), sortable: true, align: 'right', cell: (z) => z.servers ?? '–' },
    { key: 'volumes', header: t('availabilityZones.fields.volumes'), sortable: true, align: 'right', cell: (z) => z.volumes ?? '–' },
    { key: 'hosts', header: t('availabilityZones.fields.hosts'), cell: (z) => (z.hosts ? z.hosts.join(', ') || '–' : t('availabilityZones.hostsHidden')) },
  ];
  return <ResourceTable label={t('availabilityZones.list.tableLabel')} data={zones} columns={columns} getRowId={(z) => z.name} loading={loading} sort={sort} empty={empty} />;
}

export const zoneSortValue: Record<string, (z: ZoneRow) => string | number | null> = {
  name: (z) => z.name,
  available: (z) => (z.available ? 1 : 0),
  servers: (z) => z.servers ?? null,
  volumes: (z) => z.volumes ?? null,
};

export function zoneExportColumns(t: (key: string) => string): ExportColumn<ZoneRow>[] {
  return [
    { header: t('availabilityZones.fields.name'), value: (z) => z.name },
    { header: t('availabilityZones.fields.state'), value: (z) => z.available },
    { header: t('availabilityZones.fields.servers'), value: (z) => z.servers },
    { header: t('availabilityZones.fields.volumes'), value: (z) => z.volumes },
  ];
}
