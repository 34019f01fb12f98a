import '@mantine/spotlight/styles.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconArrowRight, IconExternalLink, IconPlus, IconSearch, IconServer } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { notifySuccess } from '../../../lib/notify';
import { useCompute } from '../../../lib/compute';
import { confirmOperation } from '../confirmation';
import { anyTransitional, type Actor } from '../lifecycle';
import { useServerOperation } from '../mutations';
import type { QuickOperation } from '../requests';
import { serverQueries, TRANSITIONAL_POLL_MS } from '../queries';
import type { Server } from '../schemas';
import classes from './server-palette.module.css';
import {
  ENGLISH_OPERATION_WORDS,
  PALETTE_OPERATIONS,
  paletteEntries,
  parsePalette,
  type OperationWords,
  type PaletteEntry,
  type PalettePage,
} from './palette-entries';
import { paletteStore } from './palette-store';
import { paletteFilters, parsePaletteQuery } from './palette-query';
import { addressesOf, OPERATION_ICONS } from './server-table';

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
  if (query.kind === 'empty') return { servers: [], loading: false };
  if (query.kind === 'id') return { servers: one.data ? [one.data] : [], loading: one.isFetching };
  return { servers: list.data?.servers ?? [], loading: list.isFetching };
}

/** The server whose page is open ("reboot" alone acts on it). */
function useCurrentServer(): Server | undefined {
  const target = useCompute();
  const match = useMatch('/servers/:serverId/*');
  const id = match?.params.serverId && match.params.serverId !== 'create' ? match.params.serverId : '';
  return useQuery({ ...serverQueries.detail(target, id), enabled: Boolean(id), meta: { errorNotification: 'never' } }).data;
}

/** The words that name each operation: English, its label and synonyms in the UI language. */
function useOperationWords(): OperationWords {
  const { t } = useTranslation();
  return useMemo(
    () =>
      Object.fromEntries(
        PALETTE_OPERATIONS.map((op) => [
          op,
          [...ENGLISH_OPERATION_WORDS[op], t(`servers.ops.${op}`), ...t(`servers.palette.words.${op}`).split(',')].map((w) => w.trim()).filter(Boolean),
        ]),
      ) as OperationWords,
    [t],
  );
}

/** Marks the first entry selected (Mantine selects only on a change of the query, before results arrive). */
function useFirstSelected(list: React.RefObject<HTMLDivElement | null>, signature: string) {
  useEffect(() => {
    const element = list.current;
    if (!element || element.querySelector('[data-selected]')) return;
    const first = element.querySelector('[data-action]');
    if (!first) return;
    first.setAttribute('data-selected', 'true');
    paletteStore.updateState((state) => ({ ...state, selected: 0 }));
  }, [list, signature]);
}

/**
 * The command palette: pages, "create a server", and servers by name, id or IP (asking the
 * API); an operation named first ("reboot web-02", or "reboot" on a server's page) lists it
 * for those servers. The first match is selected: Enter runs it — also when pressed before the
 * servers arrived. Mounted once, lazily, by the shell (palette-launcher.tsx), which owns the
 * Ctrl/⌘+K shortcut. Operations ask as confirmation.tsx says.
 */
export function ServerPalette({ actor, pages }: { actor: Actor; pages: PalettePage[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const operation = useServerOperation();
  const words = useOperationWords();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const parsed = parsePalette(text, words);
  const { servers, loading } = useFoundServers(parsePalette(debounced, words).serverText);
  const current = useCurrentServer();
  const createWords = [t('servers.list.create'), 'create server', 'new server', 'launch', ...t('servers.palette.createWords').split(',')];
  const entries = paletteEntries({ text, parsed, pages, createWords, found: servers, current, actor });
  const list = useRef<HTMLDivElement>(null);
  const selected = useSpotlight(paletteStore).selected;
  const pendingEnter = useRef(false);
  const signature = entries.map((entry) => entry.key).join('|');
  useFirstSelected(list, signature);

  const run = async (server: Server, op: QuickOperation) => {
    const label = t(`servers.ops.${op}`);
    if (!(await confirmOperation(t, op, [server], { label }))) return;
    operation.mutate(
      { id: server.id, operation: op },
      { onSuccess: () => notifySuccess(t('servers.palette.done', { operation: label, name: server.name })) },
    );
  };

  // Enter pressed while the servers were still on their way: run the first match once it is
  // here; a search that found nothing forgets it
  useEffect(() => {
    if (!pendingEnter.current) return;
    if (entries.length && list.current) {
      pendingEnter.current = false;
      list.current.querySelector<HTMLElement>('[data-action]')?.click();
    } else if (!loading && debounced === text) pendingEnter.current = false;
  }, [signature, entries.length, loading, debounced, text]);

  const action = (entry: PaletteEntry): ReactNode => {
    switch (entry.kind) {
      case 'page':
        return (
          <Spotlight.Action
            key={entry.key}
            leftSection={<IconArrowRight size={18} />}
            label={t('servers.palette.goTo', { page: entry.page.label })}
            onClick={() => navigate(entry.page.path)}
          />
        );
      case 'create':
        return <Spotlight.Action key={entry.key} leftSection={<IconPlus size={18} />} label={t('servers.list.create')} onClick={() => navigate('/servers/create')} />;
      case 'open':
        return (
          <Spotlight.Action
            key={entry.key}
            leftSection={<IconServer size={18} />}
            label={t('servers.palette.openServer', { name: entry.server.name })}
            description={[t(`status.${entry.server.status}`, { defaultValue: entry.server.status }), entry.server.id, ...addressesOf(entry.server).map((a) => a.addr)].join(' · ')}
            rightSection={<IconExternalLink size={14} />}
            onClick={() => navigate(`/servers/${encodeURIComponent(entry.server.id)}`)}
          />
        );
      case 'operation':
        return (
          <Spotlight.Action
            key={entry.key}
            leftSection={OPERATION_ICONS[entry.operation]}
            label={t('servers.palette.runOn', { operation: t(`servers.ops.${entry.operation}`), name: entry.server.name })}
            onClick={() => void run(entry.server, entry.operation)}
          />
        );
    }
  };

  const hint = !text.trim()
    ? t('servers.palette.hint')
    : loading
      ? t('common.loading')
      : parsed.operations.length && !parsed.serverText && !current
        ? t('servers.palette.nameAfterAction')
        : t('servers.palette.nothing');

  return (
    <Spotlight.Root
      store={paletteStore}
      query={text}
      onQueryChange={setText}
      shortcut={null}
      scrollable
      maxHeight={420}
      classNames={{ action: classes.action }}
      // the dialog itself (Mantine's Spotlight names its root, not the dialog)
      attributes={{ content: { 'aria-label': t('servers.palette.label') } }}
    >
      <Spotlight.Search
        placeholder={t('servers.palette.placeholder')}
        leftSection={<IconSearch size={18} />}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && selected < 0 && !entries.length && (loading || debounced !== text)) pendingEnter.current = true;
        }}
      />
      <Spotlight.ActionsList ref={list} aria-label={t('servers.palette.results')}>
        {entries.map(action)}
        {entries.length === 0 && (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
