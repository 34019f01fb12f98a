import '../resource-styles';
import { Anchor, Button, Card, Grid, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LaunchButton } from '../../../components/launch-button';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { confirmImageDelete } from '../../../features/images/components/confirm-image-delete';
import { MetadataTable } from '../../../components/metadata-table';
import { ImageStatus } from '../../../features/images/components/image-status';
import { useDeleteImage } from '../../../features/images/mutations';
import { flavorQueries } from '../../../features/flavors/queries';
import { imageQueries } from '../../../features/images/queries';
import { osMetadataOf, type Image } from '../../../features/images/schemas';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { useServerNames } from '../server-refs';

function ImageDetail({ image }: { image: Image }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const navigate = useNavigate();
  const serverNames = useServerNames();
  const metadata = useQuery(imageQueries.metadata(compute, image.id));
  // ids an image made from a server carries: its base image and the server's flavor
  const baseImageId = image.metadata.base_image_ref || null;
  const flavorId = image.metadata.instance_type_flavorid || null;
  const imageNames = useQuery({ ...imageQueries.names(compute), enabled: Boolean(baseImageId) });
  const flavorNames = useQuery({ ...flavorQueries.names(compute), enabled: Boolean(flavorId) });
  const remove = useDeleteImage();
  const active = image.status.toUpperCase() === 'ACTIVE';
  const os = osMetadataOf(image.metadata);

  const onDelete = async () => {
    const deleted = await confirmImageDelete(image, t, (id) => remove.mutateAsync(id)).catch(() => false);
    if (deleted) navigate('/images');
  };

  return (
    <>
      <PageHeader
        title={image.name || image.id}
        description={t('images.detail.description')}
        actions={
          <>
            <LaunchButton preset={{ image: image.id }} disabledReason={active ? null : t('images.launchNotActive')}>
              {t('images.launch')}
            </LaunchButton>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()} loading={remove.isPending}>
              {t('images.delete.action')}
            </Button>
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card padding="lg">
            <Title order={2} size="h5" mb="sm">
              {t('images.detail.overview')}
            </Title>
            <DetailFields
              fields={[
                { label: t('images.fields.id'), value: <CopyableId value={image.id} /> },
                { label: t('images.fields.status'), value: <ImageStatus image={image} /> },
                { label: t('images.fields.progress'), value: image.progress === null ? null : `${image.progress}%` },
                { label: t('images.fields.size'), value: image.size === null ? null : format.bytes(image.size) },
                { label: t('images.fields.minDisk'), value: format.gigabytes(image.minDisk) },
                { label: t('images.fields.minRam'), value: image.minRam ? format.megabytes(image.minRam) : t('images.noMinimum') },
                { label: t('images.fields.created'), value: image.created ? format.dateTime(image.created) : null },
                { label: t('images.fields.updated'), value: image.updated ? format.dateTime(image.updated) : null },
                baseImageId !== null && {
                  label: t('images.fields.baseImage'),
                  value: (
                    <Anchor component={Link} to={`/images/${encodeURIComponent(baseImageId)}`}>
                      {imageNames.data?.find((i) => i.id === baseImageId)?.name || baseImageId}
                    </Anchor>
                  ),
                },
                flavorId !== null && {
                  label: t('images.fields.flavor'),
                  value: (
                    <Anchor component={Link} to={`/flavors/${encodeURIComponent(flavorId)}`}>
                      {flavorNames.data?.get(flavorId) ?? image.metadata.instance_type_name ?? flavorId}
                    </Anchor>
                  ),
                },
                image.serverId !== null && {
                  label: t('images.fields.server'),
                  value: (
                    <Anchor component={Link} to={`/servers/${encodeURIComponent(image.serverId)}`}>
                      {serverNames.get(image.serverId) ?? image.serverId}
                    </Anchor>
                  ),
                },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card padding="lg">
            <Title order={2} size="h5" mb="sm">
              {t('images.detail.os')}
            </Title>
            {os.length ? (
              <DetailFields fields={os.map(([key, value]) => ({ label: t(`images.osKeys.${key}`, { defaultValue: key }), value }))} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('images.detail.noOs')}
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card padding="lg">
            <Title order={2} size="h5" mb="sm">
              {t('images.metadata.title')}
            </Title>
            <QueryState query={metadata}>{(data) => <MetadataTable metadata={data} label={t('images.metadata.title')} />}</QueryState>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Get Image Detail (7.3), its metadata (7.4), delete (7.5), launch from it. */
export default function ImageDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { imageId = '' } = useParams();
  const image = useQuery(imageQueries.detail(compute, imageId));
  return (
    <DetailPage back="/images" backLabel={t('images.detail.back')} query={image}>
      {(data) => <ImageDetail image={data} />}
    </DetailPage>
  );
}
