import '../resource-styles';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { availabilityZoneQueries } from '../../../features/availability-zones/queries';
import { flavorQueries } from '../../../features/flavors/queries';
import { imageQueries } from '../../../features/images/queries';
import { BulkActions } from '../../../features/servers/list/bulk-actions';
import { ColumnChooser } from '../../../features/servers/list/column-chooser';
import { LiveIndicator, useNow } from '../../../features/servers/list/live-indicator';
import { ServerExportMenu } from '../../../features/servers/list/server-export-menu';
import { ServerFilters } from '../../../features/servers/list/server-filters';
import { ProjectScope } from '../../../features/servers/list/project-scope';
import { ServerTable, type FlavorInfo, type ListColumn } from '../../../features/servers/list/server-table';
import {
  clearFilters,
  countFilters,
  listStateFor,
  listStateToSearch,
  nextPage,
  PAGE_SIZES,
  pageNumber,
  parseListState,
  previousPage,
  toApiFilters,
  withFilters,
  withScope,
  type ServerListState,
} from '../../../features/servers/list/list-url';
import { confirmOperation } from '../../../features/servers/confirmation';
import { useServerOperation } from '../../../features/servers/mutations';
import type { QuickOperation } from '../../../features/servers/requests';
import type { Server } from '../../../features/servers/schemas';
import { useColumnPrefs } from '../../../features/servers/list/use-column-prefs';
import { useLiveServers } from '../../../features/servers/list/use-live-servers';
import { sessionQueries } from '../../../features/session/queries';
import { useCompute } from '../../../lib/compute';
import { notifySuccess } from '../../../lib/notify';

/**
 * Servers (spec 4.9/4.10): filters, sort and page in the URL and sent to the API; the page
 * refreshes itself while a server is between states; bulk actions (the command palette is
 * the shell's).
 */
export function ServersListPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const [search, setSearch] = useSearchParams();
  const session = useQuery(sessionQueries.current());
  const isAdmin = session.data?.isAdmin ?? false;
  const actor = { isAdmin };
  const state = useMemo(() => listStateFor(search, isAdmin), [search, isAdmin]);
  const filters = useMemo(() => toApiFilters(state), [state]);
  const projects = useQuery({ ...sessionQueries.projects(), enabled: state.all });
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const now = useNow(1000);
  const columns = useColumnPrefs();
  const operation = useServerOperation();

  const { page, freshness, updatedAt, pollError } = useLiveServers(compute, filters, paused, now);
  // Names of flavors and images only decorate the rows, and the zones fill a filter: they are
  // asked once the rows are there, so the list request is alone on the way to the first row
  // (a slow cloud answers one call at a time).
  const rowsArrived = page.data !== undefined || page.isError;
  const flavors = useQuery({ ...flavorQueries.list(compute), enabled: rowsArrived });
  const images = useQuery({ ...imageQueries.names(compute), enabled: rowsArrived });
  const zones = useQuery({ ...availabilityZoneQueries.list(compute), enabled: rowsArrived });

  const lookups = useMemo(
    () => ({
      flavors: new Map<string, FlavorInfo>((flavors.data ?? []).map((f) => [f.id, { name: f.name, vcpus: f.vcpus, ram: f.ram }])),
      images: new Map((images.data ?? []).map((i) => [i.id, { name: i.name || i.id }])),
      projects: new Map((projects.data ?? []).map((p) => [p.id, p.name])),
    }),
    [flavors.data, images.data, projects.data],
  );

  // A navigation commits after the route's loaders run, so two quick changes (clear, then
  // pick a zone) must build on the URL the first one asked for, not the one still shown.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    if (pending.current?.toString() === search.toString()) pending.current = null;
  }, [search]);
  const update = (change: (current: ServerListState) => ServerListState) => {
    setSelected([]);
    const next = listStateToSearch(change(parseListState(pending.current ?? search)));
    pending.current = next;
    setSearch(next);
  };

  const servers = page.data?.servers;
  // the all-projects view says whose each server is, next to its name
  const shownColumns: ListColumn[] = state.all ? ['name', 'project', ...columns.visible.filter((c) => c !== 'name')] : columns.visible;
  // projects to filter on: the session's, and those of the servers listed (an admin sees more than it belongs to)
  const projectOptions = [...new Set([...(projects.data ?? []).map((p) => p.id), ...(servers ?? []).map((s) => s.tenant_id ?? ''), state.project])]
    .filter(Boolean)
    .map((id) => ({ value: id, label: lookups.projects.get(id) ?? id }));
  const selectedServers = (servers ?? []).filter((server) => selected.includes(server.id));

  const runOne = async (server: Server, op: QuickOperation) => {
    const label = t(`servers.ops.${op}`);
    if (!(await confirmOperation(t, op, [server], { label }))) return;
    operation.mutate(
      { id: server.id, operation: op },
      { onSuccess: () => notifySuccess(t('servers.palette.done', { operation: label, name: server.name })) },
    );
  };

  const filtered = countFilters(state) > 0;
  const empty = filtered ? (
    <EmptyContentView
      title={t('servers.list.noMatch')}
      description={t('servers.list.noMatchHint')}
      action={
        <Button variant="light" onClick={() => update(clearFilters)}>
          {t('ui.list.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyContentView
      title={t('servers.list.empty')}
      description={t('servers.list.emptyHint')}
      action={
        <Button component={Link} to="/servers/create" leftSection={<IconPlus size={16} />}>
          {t('servers.list.create')}
        </Button>
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('servers.list.title')}
        description={t(state.all ? 'servers.list.descriptionAll' : 'servers.list.description')}
        actions={
          <Button component={Link} to="/servers/create" leftSection={<IconPlus size={16} />}>
            {t('servers.list.create')}
          </Button>
        }
      />
      <Stack gap="md">
        {isAdmin && (
          <ProjectScope
            all={state.all}
            project={state.project}
            projects={projectOptions}
            currentProjectName={session.data?.project.name ?? ''}
            onScopeChange={(all) => update((current) => withScope(current, all))}
            onProjectChange={(project) => update((current) => withFilters(current, { project }))}
          />
        )}
        <ServerFilters
          state={state}
          onChange={(patch) => update((current) => withFilters(current, patch))}
          onClear={() => update(clearFilters)}
          flavors={(flavors.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          images={(images.data ?? []).map((i) => ({ value: i.id, label: i.name || i.id }))}
          zones={(zones.data ?? []).map((z) => z.name)}
          tagsSupported={compute.supports('server-tags')}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <LiveIndicator freshness={freshness} onPausedChange={setPaused} updatedAt={updatedAt} now={now} error={pollError} />
          <Group gap="xs">
            <ServerExportMenu target={compute} filters={filters} lookups={lookups} />
            <ColumnChooser value={columns.prefs} onChange={columns.setPrefs} onReset={columns.reset} />
          </Group>
        </Group>
        <BulkActions
          selected={selectedServers}
          target={compute}
          actor={actor}
          onClearSelection={() => setSelected([])}
        />
        {page.error && !page.data ? (
          <ErrorAlert error={page.error} onRetry={() => void page.refetch()} retrying={page.isRefetching} />
        ) : (
          <ServerTable
            servers={servers}
            loading={page.isPending || page.isPlaceholderData}
            columns={shownColumns}
            lookups={lookups}
            selection={{ selected, onChange: setSelected }}
            sort={{
              key: state.sort || 'created_at',
              direction: state.sort ? state.dir : 'desc',
              onChange: (key, direction) => update((current) => withFilters(current, { sort: key as ServerListState['sort'], dir: direction })),
            }}
            now={now}
            actor={actor}
            onOperation={(server, op) => void runOne(server, op)}
            empty={empty}
          />
        )}
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('servers.list.pageInfo', { page: pageNumber(state), count: servers?.length ?? 0 })}
            </Text>
            <Select
              aria-label={t('servers.list.pageSize')}
              size="xs"
              w={110}
              data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('servers.list.perPage', { count: size }) }))}
              value={String(state.limit)}
              onChange={(value) => value && update((current) => withFilters(current, { limit: Number(value) }))}
              allowDeselect={false}
            />
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconChevronLeft size={14} />}
              disabled={state.after.length === 0}
              onClick={() => update(previousPage)}
            >
              {t('servers.list.previous')}
            </Button>
            <Button
              variant="default"
              size="xs"
              rightSection={<IconChevronRight size={14} />}
              disabled={!page.data?.nextMarker || page.isPlaceholderData}
              onClick={() => {
                const marker = page.data?.nextMarker;
                if (marker) update((current) => nextPage(current, marker));
              }}
            >
              {t('servers.list.next')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </>
  );
}
