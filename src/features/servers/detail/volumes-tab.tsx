import { useEffect, useState } from 'react';
import { Badge, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CopyableId } from '../../../components/detail-fields';
import { QueryState } from '../../../components/query-state';
import { ResourceTable, type Column } from '../../../components/resource-table';
import { StatusBadge } from '../../../components/status-badge';
import { volumeQueries } from '../../volumes/queries';
import type { Volume } from '../../volumes/schemas';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { serverRequests } from '../requests';
import { serverQueries } from '../queries';
import { translateInputErrors } from '../../../lib/form-errors';
import { deviceProblem, refineWith } from '../../../lib/validation';
import { availability, vmStateOf, type Actor } from '../lifecycle';
import type { Server, VolumeAttachment } from '../schemas';
import { ActionDialog } from './dialogs/action-dialog';
import { SectionHeader } from './section-header';

/**
 * Spec 12.2: the system disk (the root device) comes off only while the server is stopped.
 * The reason a volume cannot be detached now, or null.
 */
export function volumeDetachBlock(server: Server, attachment: VolumeAttachment): 'rootWhileRunning' | null {
  const root = server['OS-EXT-SRV-ATTR:root_device_name'];
  const isRoot = Boolean(root && attachment.device === root) || (!root && !server.image && /^\/dev\/(x?v|s|h)da$/.test(attachment.device ?? ''));
  return isRoot && vmStateOf(server) !== 'stopped' ? 'rootWhileRunning' : null;
}

/** Spec 12.1: only an available volume of the server's availability zone can be attached. */
export function attachableVolumes<V extends Pick<Volume, 'status' | 'availabilityZone'>>(volumes: readonly V[], zone: string | null | undefined): V[] {
  return volumes.filter((v) => v.status === 'available' && (!zone || v.availabilityZone === zone));
}

/** Attach Volume (12.1): a volume, and optionally the device it appears as. */
const attachVolumeSchema = z.object({
  volumeId: z.string().nullable().refine(Boolean, 'validation.required'),
  device: z.string().superRefine(refineWith((device: string) => deviceProblem(device.trim()))),
});

function AttachVolumeDialog({ server, opened, onClose }: { server: Server; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const volumes = useQuery({ ...volumeQueries.list(compute), enabled: opened });
  const form = useForm({
    initialValues: { volumeId: null as string | null, device: '' },
    validate: schemaResolver(attachVolumeSchema, { sync: true }),
    validateInputOnChange: true,
    enhanceGetInputProps: translateInputErrors(t),
  });
  useEffect(() => {
    if (opened) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is stable
  }, [opened]);
  const { volumeId, device } = form.getValues();
  const zone = server['OS-EXT-AZ:availability_zone'];
  const all = volumes.data ?? [];
  const candidates = attachableVolumes(all, zone);
  const otherZones = all.filter((v) => v.status === 'available').length - candidates.length;

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.volumes.attachTitle', { name: server.name })}
      request={volumeId && form.isValid() ? serverRequests.attachVolume(server.id, volumeId, device.trim() || undefined) : null}
      submitLabel={t('server-detail.volumes.attachSubmit')}
      alsoInvalidate={[volumeQueries.all()]}
    >
      <Text size="sm" c="dimmed">
        {t('server-detail.volumes.attachIntro', { zone: zone ?? '–' })}
      </Text>
      <Select
        label={t('server-detail.volumes.volume')}
        placeholder={volumes.isPending ? t('common.loading') : t('server-detail.volumes.volumePlaceholder')}
        data={candidates.map((v) => ({
          value: v.id,
          label: `${v.name || v.id.slice(0, 8)} · ${format.gigabytes(v.size)} · ${v.id.slice(0, 8)}`,
        }))}
        {...form.getInputProps('volumeId')}
        searchable
        required
        nothingFoundMessage={t('server-detail.volumes.noneAvailable')}
        comboboxProps={{ withinPortal: true }}
      />
      {volumes.data && candidates.length === 0 && (
        <Text size="sm" c="orange">
          {t('server-detail.volumes.noneAvailable')}
        </Text>
      )}
      {otherZones > 0 && (
        <Text size="xs" c="dimmed">
          {t('server-detail.volumes.otherZones', { count: otherZones })}
        </Text>
      )}
      <TextInput
        label={t('server-detail.volumes.device')}
        description={t('server-detail.volumes.deviceHint')}
        placeholder="/dev/vdb"
        {...form.getInputProps('device')}
      />
    </ActionDialog>
  );
}

/** Attached volumes (12.3) with their device; attach an available volume of the same AZ; detach. */
export function VolumesTab({ server, actor }: { server: Server; actor: Actor }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const attachments = useQuery(serverQueries.volumeAttachments(compute, server.id));
  const volumes = useQuery(volumeQueries.list(compute));
  const [attaching, setAttaching] = useState(false);
  const [detaching, setDetaching] = useState<VolumeAttachment | null>(null);
  const attach = availability(server, 'attach-volume', actor);
  const detach = availability(server, 'detach-volume', actor);
  const volumeOf = (id: string) => volumes.data?.find((v) => v.id === id);
  const root = server['OS-EXT-SRV-ATTR:root_device_name'];

  const columns: Column<VolumeAttachment>[] = [
    {
      key: 'volume',
      header: t('server-detail.volumes.volume'),
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{volumeOf(row.volumeId)?.name || t('server-detail.volumes.unnamed')}</Text>
          <CopyableId value={row.volumeId} />
        </Stack>
      ),
    },
    {
      key: 'device',
      header: t('server-detail.volumes.device'),
      cell: (row) => (
        <Group gap="xs" wrap="nowrap">
          {row.device ? <Code>{row.device}</Code> : '–'}
          {root && row.device === root && (
            <Badge size="xs" variant="outline">
              {t('server-detail.volumes.root')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'size',
      header: t('server-detail.volumes.size'),
      cell: (row) => {
        const volume = volumeOf(row.volumeId);
        return volume ? format.gigabytes(volume.size) : '–';
      },
    },
    {
      key: 'status',
      header: t('server-detail.volumes.status'),
      cell: (row) => {
        const volume = volumeOf(row.volumeId);
        return volume ? <StatusBadge status={volume.status} /> : '–';
      },
    },
  ];

  return (
    <Stack gap="sm">
      <SectionHeader
        title={t('server-detail.volumes.title')}
        actionLabel={t('server-detail.volumes.attach')}
        availability={attach}
        onAction={() => setAttaching(true)}
      />
      <Text size="sm" c="dimmed">
        {t('server-detail.volumes.rootRule')}
      </Text>
      <QueryState query={attachments}>
        {(data) => (
          <ResourceTable
            label={t('server-detail.volumes.title')}
            data={data}
            columns={columns}
            getRowId={(row) => row.volumeId}
            getRowLabel={(row) => volumeOf(row.volumeId)?.name || row.volumeId}
            empty={<Text c="dimmed">{t('server-detail.volumes.none')}</Text>}
            rowActions={[
              {
                label: t('server-detail.volumes.detach'),
                color: 'red',
                onClick: (row) => setDetaching(row),
                disabled: (row) => {
                  if (!detach.allowed) return t(`server-detail.reason.${detach.reason}`);
                  return volumeDetachBlock(server, row) ? t('server-detail.volumes.rootBlocked') : false;
                },
              },
            ]}
          />
        )}
      </QueryState>
      <AttachVolumeDialog server={server} opened={attaching} onClose={() => setAttaching(false)} />
      <ActionDialog
        opened={Boolean(detaching)}
        onClose={() => setDetaching(null)}
        serverId={server.id}
        title={t('server-detail.volumes.detachTitle', { volume: detaching ? volumeOf(detaching.volumeId)?.name || detaching.volumeId : '' })}
        request={detaching ? serverRequests.detachVolume(server.id, detaching.volumeId) : null}
        submitLabel={t('server-detail.volumes.detachSubmit')}
        danger
        alsoInvalidate={[volumeQueries.all()]}
      >
        <Text size="sm">
          {t('server-detail.volumes.detachMessage', {
            volume: detaching ? volumeOf(detaching.volumeId)?.name || detaching.volumeId : '',
            device: detaching?.device ?? '–',
            server: server.name,
          })}
        </Text>
      </ActionDialog>
    </Stack>
  );
}
