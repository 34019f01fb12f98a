import { Alert, Anchor, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LaunchButton } from '../../../components/launch-button';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { BackLink } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { DefaultSkeleton, QueryState } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { networkQueries } from '../../../features/networks/queries';
import { addressesOn, type Network } from '../../../features/networks/schemas';
import { useCompute } from '../../../lib/compute';
import { useProjectServers } from '../server-refs';

/** A server's addresses on the network, as Show IP Details (9.2) gives them. */
function ServerAddresses({ network, serverId, fallback }: { network: Network; serverId: string; fallback: string[] }) {
  const compute = useCompute();
  const addresses = useQuery(networkQueries.addresses(compute, network.label, serverId));
  return (
    <Group gap={4}>
      {(addresses.data ?? fallback).map((addr) => (
        <Code key={addr}>{addr}</Code>
      ))}
    </Group>
  );
}

function NetworkServers({ network }: { network: Network }) {
  const { t } = useTranslation();
  const servers = useProjectServers();
  return (
    <QueryState query={servers}>
      {(all) => {
        const on = all.filter((s) => addressesOn(s, network).length > 0);
        if (on.length === 0) {
          return (
            <Text size="sm" c="dimmed">
              {t('networks.detail.noServers')}
            </Text>
          );
        }
        return (
          <Table striped aria-label={t('networks.detail.servers')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('networks.detail.server')}</Table.Th>
                <Table.Th>{t('networks.detail.status')}</Table.Th>
                <Table.Th>{t('networks.detail.addresses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {on.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/servers/${encodeURIComponent(s.id)}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td>
                    <ServerAddresses network={network} serverId={s.id} fallback={addressesOn(s, network)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        );
      }}
    </QueryState>
  );
}

function NetworkView({ network }: { network: Network }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={network.label || network.id}
        description={t('networks.detail.description')}
        actions={
          <LaunchButton preset={{ network: network.id }}>{t('networks.launch')}</LaunchButton>
        }
      />
      <Stack gap="md">
        <Card padding="lg">
          <DetailFields
            fields={[
              { label: t('networks.fields.id'), value: <CopyableId value={network.id} /> },
              { label: t('networks.fields.label'), value: network.label },
              network.cidr !== null && { label: t('networks.fields.cidr'), value: network.cidr },
              network.gateway !== null && { label: t('networks.fields.gateway'), value: network.gateway },
              network.dns.length > 0 && { label: t('networks.fields.dns'), value: network.dns.join(', ') },
            ]}
          />
          {network.cidr === null && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle />} mt="md">
              {t('networks.detail.onlyIdAndLabel')}
            </Alert>
          )}
        </Card>
        <Card padding="lg">
          <Title order={2} size="h5" mb="xs">
            {t('networks.detail.servers')}
          </Title>
          <NetworkServers network={network} />
        </Card>
      </Stack>
    </>
  );
}

/** One network of List Networks (21.1; the spec has no Show) and the project's servers on it. */
export default function NetworkDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { networkId = '' } = useParams();
  const networks = useQuery(networkQueries.list(compute));
  const network = networks.data?.find((n) => n.id === networkId);
  let body;
  if (networks.error && !networks.data) body = <ErrorAlert error={networks.error} onRetry={() => void networks.refetch()} />;
  else if (!networks.data) body = <DefaultSkeleton />;
  else if (!network) body = <Alert color="red" title={t('errors.title.notFound')}>{t('networks.detail.notFound', { id: networkId })}</Alert>;
  else body = <NetworkView network={network} />;
  return (
    <Stack gap="md">
      <BackLink to="/networks">{t('networks.detail.back')}</BackLink>
      {body}
    </Stack>
  );
}
