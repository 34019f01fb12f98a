import { useState } from 'react';
import { Anchor, Button, Card, Grid, Table, Text, Title } from '@mantine/core';
import { IconCamera, IconLink, IconTrash, IconUnlink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { MetadataTable } from '../../../components/metadata-table';
import { confirmSnapshotDelete } from '../../../features/snapshots/components/confirm-snapshot-delete';
import { CreateSnapshotModal, type SnapshotSource } from '../../../features/snapshots/components/create-snapshot-modal';
import { SnapshotTable } from '../../../features/snapshots/components/snapshot-table';
import { useDeleteSnapshot } from '../../../features/snapshots/mutations';
import { AttachVolumeModal } from '../../../features/volumes/components/attach-volume-modal';
import { confirmDetach, deleteVolumeWithChecks } from '../../../features/volumes/components/volume-dialogs';
import { useDeleteVolume, useDetachVolume } from '../../../features/volumes/mutations';
import { volumeQueries } from '../../../features/volumes/queries';
import type { Volume } from '../../../features/volumes/schemas';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { useVolumeContext } from './use-volume-context';

/** The device as the server reports the attachment (12.4), else as the volume lists it. */
function AttachmentDevice({ volume, serverId, fallback }: { volume: Volume; serverId: string; fallback: string | null }) {
  const compute = useCompute();
  const attachment = useQuery(volumeQueries.attachment(compute, volume.id, serverId));
  return (
    <Text size="sm" ff="monospace">
      {attachment.data?.device ?? fallback ?? '–'}
    </Text>
  );
}

function VolumeView({ volume }: { volume: Volume }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const context = useVolumeContext();
  const remove = useDeleteVolume();
  const detach = useDetachVolume();
  const removeSnapshot = useDeleteSnapshot();
  const [attaching, setAttaching] = useState(false);
  const [snapshotOf, setSnapshotOf] = useState<SnapshotSource | null>(null);
  const snapshots = context.snapshots?.filter((s) => s.volumeId === volume.id);
  const snapshotNames = new Map((context.snapshots ?? []).map((s) => [s.id, s.name]));

  const onDelete = async () => {
    const deleted = await deleteVolumeWithChecks(volume, context.snapshotCount(volume.id), t, (id) => remove.mutateAsync(id)).catch(() => false);
    if (deleted) navigate('/volumes');
  };

  return (
    <>
      <PageHeader
        title={volume.name || volume.id}
        description={volume.description || t('volumes.detail.description')}
        actions={
          <>
            <Button leftSection={<IconLink size={16} />} onClick={() => setAttaching(true)} disabled={volume.status !== 'available'}>
              {t('volumes.attach.action')}
            </Button>
            <Button variant="light" leftSection={<IconCamera size={16} />} onClick={() => setSnapshotOf({ id: volume.id, name: volume.name, status: volume.status })}>
              {t('snapshots.create.action')}
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()} loading={remove.isPending}>
              {t('volumes.delete.action')}
            </Button>
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card padding="lg" h="100%">
            <DetailFields
              fields={[
                { label: t('volumes.fields.id'), value: <CopyableId value={volume.id} /> },
                { label: t('volumes.fields.status'), value: <StatusBadge status={volume.status} /> },
                { label: t('volumes.fields.size'), value: format.gigabytes(volume.size) },
                { label: t('volumes.fields.type'), value: volume.volumeType },
                { label: t('volumes.fields.zone'), value: volume.availabilityZone },
                { label: t('volumes.fields.created'), value: volume.createdAt ? format.dateTime(volume.createdAt) : null },
                {
                  label: t('volumes.fields.snapshot'),
                  value: volume.snapshotId ? (
                    <Anchor component={Link} to={`/snapshots/${encodeURIComponent(volume.snapshotId)}`}>
                      {snapshotNames.get(volume.snapshotId) || volume.snapshotId}
                    </Anchor>
                  ) : null,
                },
                { label: t('volumes.fields.description'), value: volume.description },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card padding="lg" h="100%">
            <Title order={2} size="h5" mb="xs">
              {t('volumes.detail.attachments')}
            </Title>
            {volume.attachments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {volume.status === 'available' ? t('volumes.detail.notAttachedHint') : t('volumes.detail.notAttached')}
              </Text>
            ) : (
              <Table aria-label={t('volumes.detail.attachments')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('volumes.detail.server')}</Table.Th>
                    <Table.Th>{t('volumes.attach.device')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {volume.attachments.map((a) => {
                    const server = { id: a.serverId, name: context.serverNames.get(a.serverId) ?? a.serverId };
                    return (
                      <Table.Tr key={a.serverId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/servers/${encodeURIComponent(a.serverId)}`}>
                            {server.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <AttachmentDevice volume={volume} serverId={a.serverId} fallback={a.device} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            leftSection={<IconUnlink size={14} />}
                            loading={detach.isPending}
                            onClick={() => void confirmDetach(volume, server, t, (request) => detach.mutateAsync(request)).catch(() => undefined)}
                          >
                            {t('volumes.detach.action')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card padding="lg">
            <Title order={2} size="h5" mb="xs">
              {t('volumes.detail.snapshots')}
            </Title>
            <SnapshotTable
              label={t('volumes.detail.snapshots')}
              snapshots={snapshots}
              loading={!context.snapshots}
              volumeNames={new Map([[volume.id, volume.name]])}
              hideVolume
              empty={<EmptyContentView title={t('volumes.detail.noSnapshots')} description={t('volumes.detail.noSnapshotsHint')} />}
              rowActions={[
                {
                  label: t('snapshots.delete.action'),
                  icon: <IconTrash size={16} />,
                  color: 'red',
                  onClick: (s) => void confirmSnapshotDelete(s, t, (id) => removeSnapshot.mutateAsync(id)).catch(() => undefined),
                },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card padding="lg">
            <Title order={2} size="h5" mb="xs">
              {t('volumes.fields.metadata')}
            </Title>
            <MetadataTable metadata={volume.metadata} label={t('volumes.fields.metadata')} />
          </Card>
        </Grid.Col>
      </Grid>
      <AttachVolumeModal volume={attaching ? volume : null} servers={context.attachTargets} onClose={() => setAttaching(false)} />
      <CreateSnapshotModal volume={snapshotOf} onClose={() => setSnapshotOf(null)} />
    </>
  );
}

/** Show Volume (19.4) with its attachments, snapshots and metadata. */
export default function VolumeDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { volumeId = '' } = useParams();
  const volume = useQuery(volumeQueries.detail(compute, volumeId));
  return (
    <DetailPage back="/volumes" backLabel={t('volumes.detail.back')} query={volume}>
      {(data) => <VolumeView volume={data} />}
    </DetailPage>
  );
}
