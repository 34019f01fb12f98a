import type { ReactNode } from 'react';
import { Anchor, Badge, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconLock,
  IconLockOpen,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconRefreshAlert,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResourceTable, type Column, type RowAction, type TableSelection, type TableSort } from '../../../components/resource-table';
import { useFormatters } from '../../../lib/format';
import type { ServerColumn } from './columns';
import { availability, type Actor } from '../lifecycle';
import type { QuickOperation } from '../requests';
import type { Server } from '../schemas';
import { ServerStatus } from './server-status';
import { ServerTrouble } from './server-trouble';
import classes from './server-table.module.css';

export interface FlavorInfo {
  name: string;
  vcpus: number;
  ram: number;
}

export interface ServerLookups {
  flavors: ReadonlyMap<string, FlavorInfo>;
  images: ReadonlyMap<string, { name: string }>;
  /** Project names by id (the session's projects), for the all-projects view. */
  projects?: ReadonlyMap<string, string>;
}

/** The chosen columns, and `project`, which the all-projects view adds. */
export type ListColumn = ServerColumn | 'project';

/** Sort keys of spec 4.9 behind the sortable columns. */
const SORT_KEYS: Partial<Record<ServerColumn, string>> = {
  name: 'display_name',
  status: 'vm_state',
  az: 'availability_zone',
  created: 'created_at',
  updated: 'updated_at',
  id: 'uuid',
};

const MAX_SHOWN = 3;

function Overflow({ items, render }: { items: string[]; render: (item: string) => ReactNode }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">—</Text>;
  const shown = items.slice(0, MAX_SHOWN);
  const rest = items.slice(MAX_SHOWN);
  return (
    <Group gap={4}>
      {shown.map(render)}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')} withArrow>
          <Text size="xs" c="dimmed">
            {t('servers.list.more', { count: rest.length })}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

export function addressesOf(server: Pick<Server, 'addresses'>): Array<{ addr: string; floating: boolean }> {
  return Object.values(server.addresses ?? {}).flatMap((list) =>
    list.map((entry) => ({ addr: entry.addr, floating: entry['OS-EXT-IPS:type'] === 'floating' })),
  );
}

const QUICK_OPERATIONS: QuickOperation[] = ['start', 'stop', 'reboot-soft', 'reboot-hard', 'lock', 'unlock', 'delete'];

export const OPERATION_ICONS: Record<QuickOperation, ReactNode> = {
  start: <IconPlayerPlay size={14} />,
  stop: <IconPlayerStop size={14} />,
  'reboot-soft': <IconRefresh size={14} />,
  'reboot-hard': <IconRefreshAlert size={14} />,
  lock: <IconLock size={14} />,
  unlock: <IconLockOpen size={14} />,
  delete: <IconTrash size={14} />,
  tags: null,
};

interface ServerTableProps {
  servers: Server[] | undefined;
  loading: boolean;
  columns: ListColumn[];
  lookups: ServerLookups;
  selection: TableSelection;
  sort: TableSort;
  /** Clock for "stuck" detection, ticking with the live indicator. */
  now: number;
  actor: Actor;
  onOperation: (server: Server, operation: QuickOperation) => void;
  empty?: ReactNode;
}

/** The servers of one page, in the columns the user chose. */
export function ServerTable({
  servers,
  loading,
  columns,
  lookups,
  selection,
  sort,
  now,
  actor,
  onOperation,
  empty,
}: ServerTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();

  const cells: Record<ListColumn, (server: Server) => ReactNode> = {
    project: (server) => {
      const id = server.tenant_id ?? '';
      const name = lookups.projects?.get(id);
      return name ? (
        <Tooltip label={id} withArrow>
          <Text size="sm">{name}</Text>
        </Tooltip>
      ) : (
        <Code fz="xs">{id || '—'}</Code>
      );
    },
    name: (server) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/servers/${encodeURIComponent(server.id)}`} fw={500} className={classes.nowrap}>
          {server.name || server.id}
        </Anchor>
        {server.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {server.description}
          </Text>
        )}
      </Stack>
    ),
    status: (server) => (
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap">
          <ServerStatus server={server} />
          {server.locked && (
            <Tooltip label={t('servers.list.lockedHint')} withArrow>
              <IconLock size={14} aria-label={t('servers.list.locked')} />
            </Tooltip>
          )}
        </Group>
        <ServerTrouble server={server} now={now} />
      </Stack>
    ),
    ips: (server) => (
      <Overflow
        items={addressesOf(server).map((entry) => (entry.floating ? `${entry.addr} ↗` : entry.addr))}
        render={(addr) => (
          <Code key={addr} fz="xs">
            {addr}
          </Code>
        )}
      />
    ),
    flavor: (server) => {
      const flavor = lookups.flavors.get(server.flavor.id);
      if (!flavor) return <Text size="sm">{server.flavor.id}</Text>;
      return (
        <Stack gap={0}>
          <Text size="sm">{flavor.name}</Text>
          <Text size="xs" c="dimmed">
            {t('servers.list.flavorSize', { vcpus: flavor.vcpus, ram: format.megabytes(flavor.ram) })}
          </Text>
        </Stack>
      );
    },
    image: (server) => {
      if (!server.image) return <Text size="sm" c="dimmed">{t('servers.list.bootFromVolume')}</Text>;
      const image = lookups.images.get(server.image.id);
      return <Text size="sm">{image?.name ?? server.image.id}</Text>;
    },
    az: (server) => (
      <Text size="sm" className={classes.nowrap}>
        {server['OS-EXT-AZ:availability_zone'] || '—'}
      </Text>
    ),
    keyName: (server) => <Text size="sm">{server.key_name || '—'}</Text>,
    tags: (server) => (
      <Overflow
        items={server.tags ?? []}
        render={(tag) => (
          <Badge key={tag} size="sm" variant="outline" tt="none" className={classes.nowrap}>
            {tag}
          </Badge>
        )}
      />
    ),
    created: (server) => (
      <Tooltip label={format.dateTime(server.created)} withArrow>
        <Text size="sm" className={classes.nowrap}>
          {format.relative(server.created)}
        </Text>
      </Tooltip>
    ),
    updated: (server) => (
      <Tooltip label={format.dateTime(server.updated)} withArrow>
        <Text size="sm">{format.relative(server.updated)}</Text>
      </Tooltip>
    ),
    id: (server) => <Code fz="xs">{server.id}</Code>,
    locked: (server) => <Text size="sm">{server.locked ? t('common.yes') : t('common.no')}</Text>,
  };

  const tableColumns: Column<Server>[] = columns.map((key) => ({
    key,
    header: t(`servers.columns.${key}`),
    cell: cells[key],
    sortable: key !== 'project' && Boolean(SORT_KEYS[key]),
    sortKey: key === 'project' ? undefined : SORT_KEYS[key],
  }));

  const rowActions: RowAction<Server>[] = QUICK_OPERATIONS.map((operation) => ({
    label: t(`servers.ops.${operation}`),
    icon: OPERATION_ICONS[operation],
    color: operation === 'delete' ? 'red' : undefined,
    onClick: (server) => onOperation(server, operation),
    disabled: (server) => {
      const result = availability(server, operation, actor);
      return result.allowed ? false : t(`servers.reason.${result.reason}`);
    },
  }));

  return (
    <ResourceTable
      label={t('servers.list.tableLabel')}
      data={servers}
      columns={tableColumns}
      getRowId={(server) => server.id}
      getRowLabel={(server) => server.name || server.id}
      loading={loading}
      selection={selection}
      sort={sort}
      rowActions={rowActions}
      empty={empty}
    />
  );
}
