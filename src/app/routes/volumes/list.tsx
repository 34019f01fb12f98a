import '../resource-styles';
import { lazy, useState } from 'react';
import { Button, Group, Select, Stack } from '@mantine/core';
import { IconCamera, IconLink, IconPlus, IconTrash, IconUnlink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { CreateSnapshotModal, type SnapshotSource } from '../../../features/snapshots/components/create-snapshot-modal';
import { AttachVolumeModal } from '../../../features/volumes/components/attach-volume-modal';
import { CreateVolumeModal } from '../../../features/volumes/components/create-volume-modal';
import { confirmDetach, deleteVolumeWithChecks } from '../../../features/volumes/components/volume-dialogs';
import { VolumeTable, volumeExportColumns, volumePath, volumeSortValue } from '../../../features/volumes/components/volume-table';
import { useDeleteVolume, useDetachVolume } from '../../../features/volumes/mutations';
import { volumeQueries } from '../../../features/volumes/queries';
import type { Volume } from '../../../features/volumes/schemas';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';
import { useVolumeContext } from './use-volume-context';

const VolumeDetailPage = lazy(withStrings('routes/volumes/detail', () => import('./detail')));

function VolumesPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const list = useListParams(['q', 'status', 'zone'] as const, { sortKey: 'createdAt', sortDirection: 'desc' });
  const volumes = useQuery(volumeQueries.list(compute));
  const context = useVolumeContext();
  const remove = useDeleteVolume();
  const detach = useDetachVolume();
  const [attaching, setAttaching] = useState<Volume | null>(null);
  const [snapshotOf, setSnapshotOf] = useState<SnapshotSource | null>(null);

  // `?create=1&snapshot=<id>` opens the create dialog (from a snapshot's page)
  const creating = params.get('create') === '1';
  const setCreating = (open: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set('create', '1');
        else {
          next.delete('create');
          next.delete('snapshot');
        }
        return next;
      },
      { replace: true },
    );

  const filtered = volumes.data?.filter(
    (v) =>
      matchesText(list.filters.q, v.name, v.id, v.description) &&
      (!list.filters.status || v.status === list.filters.status) &&
      (!list.filters.zone || v.availabilityZone === list.filters.zone),
  );
  const sorted = filtered ? sortRows(filtered, volumeSortValue[list.sort.key] ?? volumeSortValue.createdAt, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);
  const statuses = [...new Set((volumes.data ?? []).map((v) => v.status))].sort();
  const zones = [...new Set([...context.zones, ...(volumes.data ?? []).map((v) => v.availabilityZone).filter(Boolean)])].sort();

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('volumes.create.button')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('areas.volumes.title')}
        description={t('areas.volumes.description')}
        actions={
          <>
            {createButton}
            <ExportMenu rows={sorted} columns={volumeExportColumns(t)} fileName="volumes" />
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} />
          <Select
            label={t('volumes.fields.status')}
            placeholder={t('volumes.list.anyStatus')}
            data={statuses.map((s) => ({ value: s, label: t(`status.${s.toUpperCase().replace(/-/g, '_')}`, { defaultValue: s }) }))}
            value={list.filters.status || null}
            onChange={(value) => list.setFilters({ status: value ?? '' })}
            clearable
            w={180}
          />
          <Select
            label={t('volumes.fields.zone')}
            placeholder={t('volumes.list.anyZone')}
            data={zones}
            value={list.filters.zone || null}
            onChange={(value) => list.setFilters({ zone: value ?? '' })}
            clearable
            w={180}
          />
        </Group>
        <ListBody query={volumes} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <VolumeTable
            volumes={volumes.data ? page.rows : undefined}
            loading={volumes.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            serverNames={context.serverNames}
            empty={
              list.filtered ? (
                <EmptyContentView
                  title={t('volumes.list.noMatch')}
                  description={t('volumes.list.noMatchHint')}
                  action={
                    <Button variant="light" onClick={list.clearFilters}>
                      {t('ui.list.clearFilters')}
                    </Button>
                  }
                />
              ) : (
                <EmptyContentView title={t('volumes.list.empty')} description={t('volumes.list.emptyHint')} action={createButton} />
              )
            }
            rowActions={[
              {
                label: t('volumes.attach.action'),
                icon: <IconLink size={16} />,
                onClick: setAttaching,
                disabled: (v) => (v.status === 'available' ? false : t('volumes.attach.volumeNotAvailable')),
              },
              {
                label: t('volumes.detach.action'),
                icon: <IconUnlink size={16} />,
                onClick: (v) => {
                  const [attachment] = v.attachments;
                  if (!attachment) return;
                  const server = { id: attachment.serverId, name: context.serverNames.get(attachment.serverId) ?? attachment.serverId };
                  void confirmDetach(v, server, t, (request) => detach.mutateAsync(request)).catch(() => undefined);
                },
                disabled: (v) => (v.attachments.length ? false : t('volumes.detach.notAttached')),
              },
              {
                label: t('snapshots.create.action'),
                icon: <IconCamera size={16} />,
                onClick: (v) => setSnapshotOf({ id: v.id, name: v.name, status: v.status }),
              },
              {
                label: t('volumes.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (v) =>
                  void deleteVolumeWithChecks(v, context.snapshotCount(v.id), t, (id) => remove.mutateAsync(id)).catch(() => undefined),
              },
            ]}
          />
        </ListBody>
      </Stack>
      {creating && (
        <CreateVolumeModal
          opened
          onClose={() => setCreating(false)}
          onCreated={(volume) => navigate(volumePath(volume.id))}
          zones={context.zones}
          snapshots={context.snapshotChoices}
          knownTypes={(volumes.data ?? []).map((v) => v.volumeType)}
          initialSnapshotId={params.get('snapshot')}
        />
      )}
      <AttachVolumeModal volume={attaching} servers={context.attachTargets} onClose={() => setAttaching(null)} />
      <CreateSnapshotModal volume={snapshotOf} onClose={() => setSnapshotOf(null)} />
    </>
  );
}

export const routePatterns = ['', ':volumeId'];

/** Volumes (spec 19.1–19.5), attached from here (12.1, 12.2). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <VolumesPage /> },
        { path: ':volumeId', element: <VolumeDetailPage /> },
      ]}
    />
  );
}
