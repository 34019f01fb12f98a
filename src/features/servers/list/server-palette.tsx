import '@mantine/spotlight/styles.css';
import { useState } from 'react';
import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconExternalLink, IconSearch, IconServer } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../../lib/notify';
import { useCompute } from '../../../lib/compute';
import { anyTransitional, availability, type Actor } from '../lifecycle';
import { useServerOperation } from '../mutations';
import type { QuickOperation } from '../requests';
import { paletteFilters, parsePaletteQuery } from './palette-query';
import { serverQueries, TRANSITIONAL_POLL_MS } from '../queries';
import type { Server } from '../schemas';
import { addressesOf, OPERATION_ICONS } from './server-table';

/** Operations the palette offers (delete needs the confirmation of the list or the detail page). */
const PALETTE_OPERATIONS: QuickOperation[] = ['start', 'stop', 'reboot-soft', 'reboot-hard', 'lock', 'unlock'];

function useFoundServers(text: string): { servers: Server[]; loading: boolean } {
  const target = useCompute();
  const query = parsePaletteQuery(text);
  const filters = paletteFilters(query);
  const list = useQuery({
    ...serverQueries.search(target, filters ?? {}),
    enabled: filters !== null,
    // after an action the palette offers what the server's next state allows
    refetchInterval: (q) => (anyTransitional(q.state.data?.servers) ? TRANSITIONAL_POLL_MS : false),
    meta: { errorNotification: 'never' },
  });
  const one = useQuery({
    ...serverQueries.detail(target, query.kind === 'id' ? query.id : ''),
    enabled: query.kind === 'id',
    retry: false,
    meta: { errorNotification: 'never' },
  });
  if (query.kind === 'id') return { servers: one.data ? [one.data] : [], loading: one.isFetching };
  return { servers: list.data?.servers ?? [], loading: list.isFetching };
}

/**
 * The command palette: finds a server by name, id or IP (asking the API), then opens it or
 * runs one of the operations its state allows. Mounted once, lazily, by the shell
 * (palette-launcher.tsx), which owns the Ctrl/⌘+K shortcut — hence no shortcut here.
 */
export function ServerPalette({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const operation = useServerOperation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const { servers, loading } = useFoundServers(debounced);

  const run = (server: Server, op: QuickOperation) =>
    operation.mutate(
      { id: server.id, operation: op },
      { onSuccess: () => notifySuccess(t('servers.palette.done', { operation: t(`servers.ops.${op}`), name: server.name })) },
    );

  return (
    <Spotlight.Root
      query={text}
      onQueryChange={setText}
      shortcut={null}
      scrollable
      maxHeight={420}
      // the dialog itself (Mantine's Spotlight names its root, not the dialog)
      attributes={{ content: { 'aria-label': t('servers.palette.label') } }}
    >
      <Spotlight.Search placeholder={t('servers.palette.placeholder')} leftSection={<IconSearch size={18} />} />
      <Spotlight.ActionsList aria-label={t('servers.palette.results')}>
        {servers.map((server) => {
          const ips = addressesOf(server).map((entry) => entry.addr);
          return (
            <Spotlight.ActionsGroup key={server.id} label={server.name}>
              <Spotlight.Action
                leftSection={<IconServer size={18} />}
                label={t('servers.palette.openServer', { name: server.name })}
                description={[t(`status.${server.status}`, { defaultValue: server.status }), server.id, ...ips].join(' · ')}
                rightSection={<IconExternalLink size={14} />}
                onClick={() => navigate(`/servers/${encodeURIComponent(server.id)}`)}
              />
              {PALETTE_OPERATIONS.filter((op) => availability(server, op, actor).allowed).map((op) => (
                <Spotlight.Action
                  key={op}
                  leftSection={OPERATION_ICONS[op]}
                  label={t('servers.palette.runOn', { operation: t(`servers.ops.${op}`), name: server.name })}
                  onClick={() => run(server, op)}
                />
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {servers.length === 0 && (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed">
              {debounced.trim() ? (loading ? t('common.loading') : t('servers.palette.nothing')) : t('servers.palette.hint')}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
