import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column, type TableSort } from '../../../components/resource-table';
import type { ExportColumn } from '../../../lib/export';
import type { AvailabilityZone, ZoneHost } from '../schemas';

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

const serviceUp = (service: ZoneHost['services'][number]) => service.available && service.active;

/** Each host of the zone with its services; a service that is down says so in words. */
function ZoneHosts({ hosts }: { hosts: ZoneHost[] }) {
  const { t } = useTranslation();
  if (hosts.length === 0) return <Text size="sm">–</Text>;
  return (
    <Stack gap={4}>
      {hosts.map((host) => (
        <Group key={host.name} gap={6} wrap="wrap">
          <Text size="sm" ff="monospace">
            {host.name}
          </Text>
          {host.services.map((service) => (
            <Badge key={service.name} size="sm" variant="light" tt="none" color={serviceUp(service) ? 'green' : 'red'}>
              {serviceUp(service) ? service.name : t('availabilityZones.serviceDown', { service: service.name })}
            </Badge>
          ))}
        </Group>
      ))}
    </Stack>
  );
}

/** "host-1: nova-compute; host-2: nova-compute (down)" for the export. */
function hostsText(hosts: ZoneHost[] | null, t: (key: string, values?: Record<string, string>) => string): string {
  return (hosts ?? [])
    .map((host) => `${host.name}: ${host.services.map((s) => (serviceUp(s) ? s.name : t('availabilityZones.serviceDown', { service: s.name }))).join(', ')}`)
    .join('; ');
}

interface ZoneTableProps {
  zones: ZoneRow[] | undefined;
  loading: boolean;
  sort: TableSort;
  empty: React.ReactNode;
  /** The cloud shows hosts to administrators only: members are told so. */
  hostsHidden: boolean;
}

export function ZoneTable({ zones, loading, sort, empty, hostsHidden }: ZoneTableProps) {
  const { t } = useTranslation();
  const columns: Column<ZoneRow>[] = [
    { key: 'name', header: t('availabilityZones.fields.name'), sortable: true, cell: (z) => z.name },
    { key: 'available', header: t('availabilityZones.fields.state'), sortable: true, cell: (z) => <ZoneStateBadge available={z.available} /> },
    { key: 'servers', header: t('availabilityZones.fields.servers'), sortable: true, align: 'right', cell: (z) => z.servers ?? '–' },
    { key: 'volumes', header: t('availabilityZones.fields.volumes'), sortable: true, align: 'right', cell: (z) => z.volumes ?? '–' },
    {
      key: 'hosts',
      header: t('availabilityZones.fields.hosts'),
      cell: (z) => (hostsHidden ? t('availabilityZones.hostsHidden') : <ZoneHosts hosts={z.hosts ?? []} />),
    },
  ];
  return <ResourceTable label={t('availabilityZones.list.tableLabel')} data={zones} columns={columns} getRowId={(z) => z.name} loading={loading} sort={sort} empty={empty} />;
}

export const zoneSortValue: Record<string, (z: ZoneRow) => string | number | null> = {
  name: (z) => z.name,
  available: (z) => (z.available ? 1 : 0),
  servers: (z) => z.servers ?? null,
  volumes: (z) => z.volumes ?? null,
};

export function zoneExportColumns(t: (key: string, values?: Record<string, string>) => string, hostsHidden: boolean): ExportColumn<ZoneRow>[] {
  return [
    { header: t('availabilityZones.fields.name'), value: (z) => z.name },
    { header: t('availabilityZones.fields.state'), value: (z) => z.available },
    { header: t('availabilityZones.fields.servers'), value: (z) => z.servers },
    { header: t('availabilityZones.fields.volumes'), value: (z) => z.volumes },
    ...(hostsHidden ? [] : [{ header: t('availabilityZones.fields.hosts'), value: (z: ZoneRow) => hostsText(z.hosts, t) }]),
  ];
}
