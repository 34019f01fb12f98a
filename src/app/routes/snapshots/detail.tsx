import { Anchor, Button, Card } from '@mantine/core';
import { IconDatabasePlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { StatusBadge } from '../../../components/status-badge';
import { confirmSnapshotDelete } from '../../../features/snapshots/components/confirm-snapshot-delete';
import { createVolumeFromSnapshotPath } from '../../../features/snapshots/components/snapshot-table';
import { useDeleteSnapshot } from '../../../features/snapshots/mutations';
import { snapshotQueries } from '../../../features/snapshots/queries';
import type { Snapshot } from '../../../features/snapshots/schemas';
import { volumeQueries } from '../../../features/volumes/queries';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';

function SnapshotView({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const navigate = useNavigate();
  const volumeNames = useQuery(volumeQueries.names(compute));
  const remove = useDeleteSnapshot();
  const available = snapshot.status === 'available';
  const onDelete = async () => {
    const deleted = await confirmSnapshotDelete(snapshot, t, (id) => remove.mutateAsync(id)).catch(() => false);
    if (deleted) navigate('/snapshots');
  };
  return (
    <>
      <PageHeader
        title={snapshot.name || snapshot.id}
        description={snapshot.description || t('snapshots.detail.description')}
        actions={
          <>
            <Button
              component={Link}
              to={createVolumeFromSnapshotPath(snapshot.id)}
              leftSection={<IconDatabasePlus size={16} />}
              disabled={!available}
              title={available ? undefined : t('snapshots.notAvailable')}
            >
              {t('snapshots.createVolume')}
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()} loading={remove.isPending}>
              {t('snapshots.delete.action')}
            </Button>
          </>
        }
      />
      <Card padding="lg">
        <DetailFields
          fields={[
            { label: t('snapshots.fields.id'), value: <CopyableId value={snapshot.id} /> },
            { label: t('snapshots.fields.status'), value: <StatusBadge status={snapshot.status} /> },
            { label: t('snapshots.fields.size'), value: format.gigabytes(snapshot.size) },
            {
              label: t('snapshots.fields.volume'),
              value: (
                <Anchor component={Link} to={`/volumes/${encodeURIComponent(snapshot.volumeId)}`}>
                  {volumeNames.data?.get(snapshot.volumeId) || snapshot.volumeId}
                </Anchor>
              ),
            },
            { label: t('snapshots.fields.description'), value: snapshot.description },
            { label: t('snapshots.fields.created'), value: snapshot.createdAt ? format.dateTime(snapshot.createdAt) : null },
          ]}
        />
      </Card>
    </>
  );
}

/** Show Snapshot (20.2) and delete it (20.3). */
export default function SnapshotDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { snapshotId = '' } = useParams();
  const snapshot = useQuery(snapshotQueries.detail(compute, snapshotId));
  return (
    <DetailPage back="/snapshots" backLabel={t('snapshots.detail.back')} query={snapshot}>
      {(data) => <SnapshotView snapshot={data} />}
    </DetailPage>
  );
}
