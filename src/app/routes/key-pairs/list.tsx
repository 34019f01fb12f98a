import '../resource-styles';
import { lazy, useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody, ListSearch } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { confirmKeypairDelete } from '../../../features/keypairs/components/confirm-keypair-delete';
import { CreateKeypairModal } from '../../../features/keypairs/components/create-keypair-modal';
import { ImportKeypairModal } from '../../../features/keypairs/components/import-keypair-modal';
import { KeypairTable, keypairExportColumns } from '../../../features/keypairs/components/keypair-table';
import { useDeleteKeypair } from '../../../features/keypairs/mutations';
import { keypairQueries } from '../../../features/keypairs/queries';
import { useCompute } from '../../../lib/compute';
import { matchesText, pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';

const KeypairDetailPage = lazy(withStrings('routes/key-pairs/detail', () => import('./detail')));

function KeypairsPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const list = useListParams(['q'] as const, { sortKey: 'name' });
  const keypairs = useQuery(keypairQueries.list(compute));
  const remove = useDeleteKeypair();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);

  const filtered = keypairs.data?.filter((k) => matchesText(list.filters.q, k.name, k.fingerprint));
  const sorted = filtered
    ? sortRows(filtered, (k) => (list.sort.key === 'fingerprint' ? k.fingerprint : k.name), list.sort.direction)
    : undefined;
  const page = pageOf(sorted ?? [], list.page);

  const actions = (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('create')}>
        {t('keypairs.create.button')}
      </Button>
      <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setDialog('import')}>
        {t('keypairs.import.button')}
      </Button>
    </>
  );

  const empty = list.filtered ? (
    <EmptyContentView title={t('keypairs.list.noMatch')} description={t('keypairs.list.noMatchHint')} />
  ) : (
    <EmptyContentView title={t('keypairs.list.empty')} description={t('keypairs.list.emptyHint')} action={<Group>{actions}</Group>} />
  );

  return (
    <>
      <PageHeader
        title={t('areas.keypairs.title')}
        description={t('areas.keypairs.description')}
        actions={
          <>
            {actions}
            <ExportMenu rows={sorted} columns={keypairExportColumns(t)} fileName="key-pairs" />
          </>
        }
      />
      <Stack gap="md">
        <ListSearch value={list.filters.q} onChange={(q) => list.setFilters({ q })} placeholder={t('keypairs.list.searchPlaceholder')} width={320} />
        <ListBody query={keypairs} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <KeypairTable
            keypairs={keypairs.data ? page.rows : undefined}
            loading={keypairs.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            empty={empty}
            rowActions={[
              {
                label: t('keypairs.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (k) => void confirmKeypairDelete(k.name, t, (name) => remove.mutateAsync(name)).catch(() => undefined),
              },
            ]}
          />
        </ListBody>
      </Stack>
      <CreateKeypairModal opened={dialog === 'create'} onClose={() => setDialog(null)} />
      <ImportKeypairModal opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  );
}

export const routePatterns = ['', ':keypairName'];

/** Key pairs (spec 14.1–14.4). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <KeypairsPage /> },
        { path: ':keypairName', element: <KeypairDetailPage /> },
      ]}
    />
  );
}
