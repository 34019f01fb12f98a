import { useState } from 'react';
import { Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rowsFromRecord, type KeyValueRow } from '../../../components/key-value-editor';
import { QueryState } from '../../../components/query-state';
import { ResourceTable, type Column } from '../../../components/resource-table';
import { useCompute } from '../../../lib/compute';
import { serverQueries } from '../queries';
import { serverRequests } from '../requests';
import { SERVER_METADATA_LIMITS, type MetadataLimits } from '../../../lib/validation';
import { availability, type Actor } from '../lifecycle';
import type { Server } from '../schemas';
import { ActionDialog } from './dialogs/action-dialog';
import classes from './detail.module.css';
import { MetadataEditor, metadataSendable, recordOf } from './dialogs/metadata-editor';
import { MetadataItemDialog, type MetadataItem } from './dialogs/metadata-item-dialog';

/** Chapter 10: the items with single set and delete; the whole set replaced (PUT) or merged (POST). */
export function MetadataTab({ server, actor, maxItems }: { server: Server; actor: Actor; maxItems?: number }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const metadata = useQuery(serverQueries.metadata(compute, server.id));
  const limits: MetadataLimits = { ...SERVER_METADATA_LIMITS, maxItems: maxItems ?? SERVER_METADATA_LIMITS.maxItems };
  const state = availability(server, 'metadata', actor);
  const [editing, setEditing] = useState<MetadataItem | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [draft, setDraft] = useState<KeyValueRow[] | null>(null);
  const [bulk, setBulk] = useState<'replace' | 'merge' | null>(null);
  const current = metadata.data ?? {};
  const draftRecord = draft ? recordOf(draft) : {};
  const sendable = draft !== null && metadataSendable(draft, limits);
  const mergedCount = Object.keys({ ...current, ...draftRecord }).length;
  const mergeTooMany = limits.maxItems !== undefined && limits.maxItems >= 0 && mergedCount > limits.maxItems;

  const columns: Column<MetadataItem>[] = [
    { key: 'key', header: t('server-detail.metadata.key'), cell: (row) => <Code>{row.key}</Code> },
    { key: 'value', header: t('server-detail.metadata.value'), cell: (row) => <Text size="sm" className={classes.breakAll}>{row.value}</Text> },
  ];
  const blocked = state.allowed ? false : t(`server-detail.reason.${state.reason}`);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('server-detail.metadata.title')}
          </Title>
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              disabled={!state.allowed}
              title={blocked || undefined}
              onClick={() => setEditing({ key: '', value: '' })}
            >
              {t('server-detail.metadata.add')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              disabled={!state.allowed || draft !== null || !metadata.data}
              onClick={() => setDraft(rowsFromRecord(current))}
            >
              {t('server-detail.metadata.editAll')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('server-detail.metadata.count', { used: Object.keys(current).length, max: limits.maxItems ?? '∞' })}
        </Text>
        <QueryState query={metadata}>
          {(data) => (
            <ResourceTable
              label={t('server-detail.metadata.title')}
              data={Object.entries(data).map(([key, value]) => ({ key, value }))}
              columns={columns}
              getRowId={(row) => row.key}
              empty={<Text c="dimmed">{t('server-detail.metadata.none')}</Text>}
              rowActions={[
                { label: t('server-detail.metadata.edit'), onClick: (row) => setEditing(row), disabled: () => blocked },
                { label: t('server-detail.metadata.delete'), color: 'red', onClick: (row) => setDeleting(row.key), disabled: () => blocked },
              ]}
            />
          )}
        </QueryState>
      </Stack>

      {draft !== null && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('server-detail.metadata.editAllTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('server-detail.metadata.editAllHint')}
            </Text>
            <MetadataEditor label={t('server-detail.metadata.draft')} rows={draft} onChange={setDraft} limits={limits} />
            <Group gap="xs">
              <Button disabled={!sendable || !state.allowed} onClick={() => setBulk('replace')}>
                {t('server-detail.metadata.replaceAll')}
              </Button>
              <Button variant="light" disabled={!sendable || draft.length === 0 || mergeTooMany || !state.allowed} onClick={() => setBulk('merge')}>
                {t('server-detail.metadata.merge')}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
              {mergeTooMany && sendable && (
                <Text size="xs" c="orange">
                  {t('server-detail.metadata.mergeTooMany', { count: mergedCount, max: limits.maxItems ?? 0 })}
                </Text>
              )}
            </Group>
          </Stack>
        </Card>
      )}

      <MetadataItemDialog server={server} item={editing} existing={current} limits={limits} onClose={() => setEditing(null)} />
      <ActionDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        serverId={server.id}
        title={t('server-detail.metadata.deleteTitle', { key: deleting ?? '' })}
        request={deleting !== null ? serverRequests.deleteMetadataItem(server.id, deleting) : null}
        submitLabel={t('server-detail.metadata.delete')}
        danger
      >
        <Text size="sm">{t('server-detail.metadata.deleteMessage', { key: deleting ?? '' })}</Text>
      </ActionDialog>
      <ActionDialog
        opened={bulk !== null}
        onClose={() => setBulk(null)}
        serverId={server.id}
        title={bulk === 'merge' ? t('server-detail.metadata.mergeTitle') : t('server-detail.metadata.replaceTitle')}
        request={
          bulk && sendable
            ? bulk === 'merge'
              ? serverRequests.mergeMetadata(server.id, draftRecord)
              : serverRequests.replaceMetadata(server.id, draftRecord)
            : null
        }
        submitLabel={bulk === 'merge' ? t('server-detail.metadata.merge') : t('server-detail.metadata.replaceAll')}
        danger={bulk === 'replace'}
        onSuccess={() => setDraft(null)}
      >
        <Text size="sm">
          {bulk === 'merge'
            ? t('server-detail.metadata.mergeMessage', { count: Object.keys(draftRecord).length })
            : t('server-detail.metadata.replaceMessage', {
                count: Object.keys(draftRecord).length,
                removed: Object.keys(current).filter((key) => !(key in draftRecord)).length,
              })}
        </Text>
      </ActionDialog>
    </Stack>
  );
}
