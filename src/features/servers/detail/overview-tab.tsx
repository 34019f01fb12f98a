import { Anchor, Badge, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailFields } from '../../../components/detail-fields';
import { FeatureUnavailable } from '../../../components/feature-unavailable';
import { flavorQueries } from '../../flavors/queries';
import { imageQueries } from '../../images/queries';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { computeFeatures } from '../../../lib/microversion';
import { serverRequests } from '../requests';
import { descriptionProblem } from '../../../lib/validation';
import type { Server } from '../schemas';
import { InlineEdit } from './inline-edit';
import classes from './detail.module.css';
import { ServerStatus } from './server-header';
import { powerStateWord, RawValue, Said } from './raw-value';
import { taskLabelKey } from '../lifecycle';

const EXTENDED = [
  'OS-EXT-SRV-ATTR:host',
  'OS-EXT-SRV-ATTR:hypervisor_hostname',
  'OS-EXT-SRV-ATTR:instance_name',
  'OS-EXT-SRV-ATTR:hostname',
  'OS-EXT-SRV-ATTR:reservation_id',
  'OS-EXT-SRV-ATTR:launch_index',
  'OS-EXT-SRV-ATTR:kernel_id',
  'OS-EXT-SRV-ATTR:ramdisk_id',
  'OS-EXT-SRV-ATTR:user_data',
] as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}



/** Every field of Get Server Detail at the negotiated microversion. */
export function OverviewTab({ server }: { server: Server }) {
  // long ids (hostId) wrap instead of overflowing the card
  const mono = (value: string | null | undefined) => (value ? <Code className={classes.breakAll}>{value}</Code> : null);
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const flavors = useQuery(flavorQueries.list(compute));
  const images = useQuery(imageQueries.names(compute));
  const flavor = flavors.data?.find((f) => f.id === server.flavor.id);
  const image = server.image ? images.data?.find((i) => i.id === server.image?.id) : undefined;
  const when = (value: string | null | undefined) => (value ? format.dateTime(value) : null);
  const yesNo = (value: boolean | undefined) => (value === undefined ? null : value ? t('common.yes') : t('common.no'));
  const power = server['OS-EXT-STS:power_state'];
  const vmState = server['OS-EXT-STS:vm_state'];
  const taskState = server['OS-EXT-STS:task_state'];
  const addresses = Object.entries(server.addresses);
  const volumes = server['os-extended-volumes:volumes_attached'] ?? [];
  const tagsSupported = compute.supports('server-tags');
  const describable = compute.supports('server-description');
  const extended = EXTENDED.filter((key) => server[key] !== undefined);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Section title={t('server-detail.overview.general')}>
          <DetailFields
            fields={[
              // the header above shows the id with its copy button
              { label: t('server-detail.overview.id'), value: mono(server.id) },
              { label: t('server-detail.overview.name'), value: server.name },
              { label: t('server-detail.overview.status'), value: <ServerStatus server={server} /> },
              {
                label: t('server-detail.overview.description'),
                value: describable ? (
                  <InlineEdit
                    serverId={server.id}
                    label={t('server-detail.overview.description')}
                    value={server.description ?? ''}
                    display={<Text size="sm">{server.description || <Text span c="dimmed">–</Text>}</Text>}
                    validate={descriptionProblem}
                    request={(value) => serverRequests.describe(server.id, value === '' ? null : value)}
                    multiline
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('server-detail.overview.needs', { version: computeFeatures['server-description'] })}
                  </Text>
                ),
              },
              compute.supports('server-locked') && { label: t('server-detail.overview.locked'), value: yesNo(server.locked) },
              compute.supports('host-status') && {
                label: t('server-detail.overview.hostStatus'),
                value: server.host_status ? <RawValue field="hostStatus" value={server.host_status} /> : null,
              },
              {
                label: t('server-detail.overview.tags'),
                value: tagsSupported ? (
                  server.tags?.length ? (
                    <Group gap={4}>
                      {server.tags.map((tag) => (
                        <Badge key={tag} variant="light" tt="none">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  ) : null
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('server-detail.overview.needs', { version: computeFeatures['server-tags'] })}
                  </Text>
                ),
              },
              { label: t('server-detail.overview.vmState'), value: vmState ? <RawValue field="vmState" value={vmState} /> : null },
              { label: t('server-detail.overview.taskState'), value: taskState ? <Said said={t(`servers.task.${taskLabelKey(server)}`)} raw={taskState} /> : null },
              {
                label: t('server-detail.overview.powerState'),
                value: power === null || power === undefined ? null : <RawValue field="powerState" value={String(power)} raw={powerStateWord(power)} />,
              },
              server.progress !== undefined && { label: t('server-detail.overview.progress'), value: `${server.progress}%` },
            ]}
          />
        </Section>
        <Section title={t('server-detail.overview.configuration')}>
          <DetailFields
            fields={[
              {
                label: t('server-detail.overview.flavor'),
                value: (
                  <Stack gap={0}>
                    <Text size="sm">{flavor?.name ?? server.flavor.id}</Text>
                    {flavor && (
                      <Text size="xs" c="dimmed">
                        {t('server-detail.resize.flavorSpec', {
                          vcpus: flavor.vcpus,
                          ram: format.megabytes(flavor.ram),
                          disk: format.gigabytes(flavor.disk),
                        })}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              {
                label: t('server-detail.overview.image'),
                value: server.image ? (
                  <Anchor component={Link} to={`/images/${encodeURIComponent(server.image.id)}`} size="sm">
                    {image?.name || server.image.id}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('server-detail.overview.bootFromVolume')}
                  </Text>
                ),
              },
              { label: t('server-detail.overview.keyName'), value: server.key_name },
              { label: t('server-detail.overview.az'), value: server['OS-EXT-AZ:availability_zone'] },
              {
                label: t('server-detail.overview.securityGroups'),
                value: server.security_groups?.length ? [...new Set(server.security_groups.map((g) => g.name))].join(', ') : null,
              },
              {
                label: t('server-detail.overview.addresses'),
                value: addresses.length ? (
                  <Stack gap={2}>
                    {addresses.map(([network, list]) => (
                      <Text key={network} size="sm">
                        <Text span fw={500}>
                          {network}
                        </Text>
                        {': '}
                        {list
                          .map((address) => {
                            const type = address['OS-EXT-IPS:type'];
                            return type ? `${address.addr} (${t(`server-detail.overview.addressType.${type}`, { defaultValue: type })})` : address.addr;
                          })
                          .join(', ')}
                      </Text>
                    ))}
                  </Stack>
                ) : null,
              },
              {
                label: t('server-detail.overview.volumes'),
                value: volumes.length ? (
                  <Stack gap={2}>
                    {volumes.map((volume) => (
                      <Text key={volume.id} size="sm">
                        <Code>{volume.id}</Code>
                        {volume.delete_on_termination ? ` · ${t('server-detail.overview.deleteOnTermination')}` : ''}
                      </Text>
                    ))}
                  </Stack>
                ) : null,
              },
              { label: t('server-detail.overview.rootDevice'), value: mono(server['OS-EXT-SRV-ATTR:root_device_name']) },
              { label: t('server-detail.overview.diskConfig'), value: server['OS-DCF:diskConfig'] ? <RawValue field="diskConfig" value={server['OS-DCF:diskConfig']} /> : null },
              {
                label: t('server-detail.overview.configDrive'),
                // Nova says "True" or "" (older clouds a boolean)
                value:
                  server.config_drive === undefined || server.config_drive === null ? null : (
                    <Said said={yesNo(server.config_drive === true || String(server.config_drive).toLowerCase() === 'true')!} raw={JSON.stringify(server.config_drive)} />
                  ),
              },
              { label: t('server-detail.overview.accessIPv4'), value: server.accessIPv4 },
              { label: t('server-detail.overview.accessIPv6'), value: server.accessIPv6 },
              {
                label: t('server-detail.overview.metadata'),
                value: t('server-detail.overview.metadataCount', { count: Object.keys(server.metadata).length }),
              },
            ]}
          />
        </Section>
        <Section title={t('server-detail.overview.times')}>
          <DetailFields
            fields={[
              { label: t('server-detail.overview.created'), value: when(server.created) },
              { label: t('server-detail.overview.updated'), value: when(server.updated) },
              { label: t('server-detail.overview.launchedAt'), value: when(server['OS-SRV-USG:launched_at']) },
              { label: t('server-detail.overview.terminatedAt'), value: when(server['OS-SRV-USG:terminated_at']) },
            ]}
          />
        </Section>
        <Section title={t('server-detail.overview.ownership')}>
          <DetailFields
            fields={[
              { label: t('server-detail.overview.tenantId'), value: mono(server.tenant_id) },
              { label: t('server-detail.overview.userId'), value: mono(server.user_id) },
              { label: t('server-detail.overview.hostId'), value: mono(server.hostId) },
              ...extended.map((key) => ({
                label: key.replace('OS-EXT-SRV-ATTR:', ''),
                value: server[key] === null || server[key] === '' ? null : mono(String(server[key])),
              })),
            ]}
          />
          {!compute.supports('extended-server-attributes') && (
            <FeatureUnavailable
              feature={t('features.names.extended-server-attributes')}
              required={computeFeatures['extended-server-attributes']}
              current={compute.microversion}
            />
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
