import '../resource-styles';
import { lazy } from 'react';
import { Stack, Button } from '@mantine/core';
import { IconRocket, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { launchPath } from '../../../components/launch-button';
import { ExportMenu } from '../../../components/export-menu';
import { ListBody } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyContentView } from '../../../components/query-state';
import { confirmImageDelete } from '../../../features/images/components/confirm-image-delete';
import { ImageFilters } from '../../../features/images/components/image-filters';
import { ImageTable, imageExportColumns, imageSortValue } from '../../../features/images/components/image-table';
import { useDeleteImage } from '../../../features/images/mutations';
import { imageQueries } from '../../../features/images/queries';
import type { ImageFilters as Filters } from '../../../features/images/schemas';
import { useCompute } from '../../../lib/compute';
import { pageOf, sortRows, useListParams } from '../../../lib/list-params';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';
import { useServerNames } from '../server-refs';

const ImageDetailPage = lazy(withStrings('routes/images/detail', () => import('./detail')));

const FILTERS = ['name', 'status', 'since', 'minDisk', 'minRam'] as const;
const toCount = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

function ImagesPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const list = useListParams(FILTERS, { sortKey: 'name' });
  const filters: Filters = {
    name: list.filters.name || undefined,
    status: list.filters.status || undefined,
    changesSince: list.filters.since || undefined,
    minDisk: toCount(list.filters.minDisk),
    minRam: toCount(list.filters.minRam),
  };
  const images = useQuery({ ...imageQueries.list(compute, filters), placeholderData: keepPreviousData });
  const names = useQuery(imageQueries.names(compute));
  const serverNames = useServerNames();
  const remove = useDeleteImage();

  const sorted = images.data ? sortRows(images.data, imageSortValue[list.sort.key] ?? imageSortValue.name, list.sort.direction) : undefined;
  const page = pageOf(sorted ?? [], list.page);

  const empty = list.filtered ? (
    <EmptyContentView
      title={t('images.list.noMatch')}
      description={t('images.list.noMatchHint')}
      action={
        <Button variant="light" onClick={list.clearFilters}>
          {t('ui.list.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyContentView title={t('images.list.empty')} description={t('images.list.emptyHint')} />
  );

  return (
    <>
      <PageHeader
        title={t('areas.images.title')}
        description={t('areas.images.description')}
        actions={<ExportMenu rows={sorted} columns={imageExportColumns(t)} fileName="images" />}
      />
      <Stack gap="md">
        <ImageFilters
          values={list.filters}
          onChange={list.setFilters}
          onClear={list.clearFilters}
          names={(names.data ?? []).map((i) => i.name)}
        />
        <ListBody query={images} pagination={{ total: sorted?.length ?? 0, page: page.page, pages: page.pages, onChange: list.setPage }}>
          <ImageTable
            images={images.data ? page.rows : undefined}
            loading={images.isPending}
            sort={{ ...list.sort, onChange: list.setSort }}
            empty={empty}
            serverNames={serverNames}
            rowActions={[
              {
                label: t('images.launch'),
                icon: <IconRocket size={16} />,
                onClick: (image) => navigate(launchPath({ image: image.id })),
                disabled: (image) => (image.status.toUpperCase() === 'ACTIVE' ? false : t('images.launchNotActive')),
              },
              {
                label: t('images.delete.action'),
                icon: <IconTrash size={16} />,
                color: 'red',
                onClick: (image) => void confirmImageDelete(image, t, (id) => remove.mutateAsync(id)).catch(() => undefined),
              },
            ]}
          />
        </ListBody>
      </Stack>
    </>
  );
}

export const routePatterns = ['', ':imageId'];

/** Images (spec 7.1–7.5). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <ImagesPage /> },
        { path: ':imageId', element: <ImageDetailPage /> },
      ]}
    />
  );
}
