import '../resource-styles';
import { useMemo } from 'react';
import { Button } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { DefaultSkeleton } from '../../../components/query-state';
import { availabilityZoneQueries } from '../../../features/availability-zones/queries';
import { flavorQueries } from '../../../features/flavors/queries';
import { imageQueries } from '../../../features/images/queries';
import { useCreateKeypair } from '../../../features/keypairs/mutations';
import { keypairQueries } from '../../../features/keypairs/queries';
import { limitsQueries } from '../../../features/limits/queries';
import { networkQueries } from '../../../features/networks/queries';
import { securityGroupQueries } from '../../../features/security-groups/queries';
import { serverGroupQueries } from '../../../features/server-groups/queries';
import { snapshotQueries } from '../../../features/snapshots/queries';
import { CreateServerWizard } from '../../../features/servers/wizard/create-server-wizard';
import type { WizardCatalog } from '../../../features/servers/wizard/wizard-types';
import { useCompute } from '../../../lib/compute';

/**
 * `/servers/create`: the wizard, given what it picks from — flavors, images, snapshots,
 * networks, security groups, zones, key pairs, server groups and limits, each from its own
 * feature — and the keypairs feature's Add Keypair, to make a pair on the way.
 */
export function CreateServerPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const queries = {
    flavors: useQuery(flavorQueries.list(compute)),
    images: useQuery(imageQueries.list(compute)),
    snapshots: useQuery(snapshotQueries.list(compute)),
    networks: useQuery(networkQueries.list(compute)),
    securityGroups: useQuery(securityGroupQueries.list(compute)),
    zones: useQuery(availabilityZoneQueries.list(compute)),
    keypairs: useQuery(keypairQueries.list(compute)),
    serverGroups: useQuery(serverGroupQueries.list(compute)),
    limits: useQuery(limitsQueries.absolute(compute)),
  };
  // the wizard cannot start without these; the others may fail (empty choices, a notification)
  const keypairCreation = useCreateKeypair();
  const required = [queries.flavors, queries.images, queries.networks];
  const failed = required.find((query) => query.error && !query.data);

  const catalog = useMemo<WizardCatalog>(
    () => ({
      zones: (queries.zones.data ?? []).filter((zone) => zone.available).map((zone) => zone.name),
      images: (queries.images.data ?? []).map((image) => ({
        id: image.id,
        name: image.name,
        status: image.status,
        minDisk: image.minDisk,
        minRam: image.minRam,
        metadata: image.metadata,
        size: image.size ?? undefined,
      })),
      // volume snapshots to boot from (a new volume is made from one)
      snapshots: queries.snapshots.data?.map((snapshot) => ({
        id: snapshot.id,
        name: snapshot.name,
        size: snapshot.size,
        status: snapshot.status,
        createdAt: snapshot.createdAt,
      })),
      flavors: (queries.flavors.data ?? []).map((flavor) => ({
        id: flavor.id,
        name: flavor.name,
        vcpus: flavor.vcpus,
        ram: flavor.ram,
        disk: flavor.disk,
        disabled: flavor.disabled,
      })),
      networks: (queries.networks.data ?? []).map((network) => ({ ...network, label: network.label || null })),
      securityGroups: queries.securityGroups.data ?? [],
      keypairs: queries.keypairs.data ?? [],
      serverGroups: queries.serverGroups.data ?? [],
      limits: queries.limits.data,
    }),
    [
      queries.zones.data,
      queries.images.data,
      queries.snapshots.data,
      queries.flavors.data,
      queries.networks.data,
      queries.securityGroups.data,
      queries.keypairs.data,
      queries.serverGroups.data,
      queries.limits.data,
    ],
  );

  return (
    <>
      <PageHeader
        title={t('servers.wizard.title')}
        description={t('servers.wizard.intro')}
        actions={
          <Button component={Link} to="/servers" variant="default" leftSection={<IconArrowLeft size={16} />}>
            {t('servers.wizard.backToList')}
          </Button>
        }
      />
      {failed ? (
        <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isRefetching} />
      ) : required.some((query) => query.isPending) ? (
        <DefaultSkeleton lines={8} />
      ) : (
        <CreateServerWizard catalog={catalog} keypairCreation={keypairCreation} />
      )}
    </>
  );
}
