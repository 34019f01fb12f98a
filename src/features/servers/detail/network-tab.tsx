import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Card, Code, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { CopyableId, DetailFields } from '../../../components/detail-fields';
import { QueryState } from '../../../components/query-state';
import { ResourceTable, type Column } from '../../../components/resource-table';
import { networkQueries } from '../../networks/queries';
import type { Network } from '../../networks/schemas';
import { useCompute } from '../../../lib/compute';
import { serverQueries } from '../queries';
import { serverRequests, type ServerRequest } from '../requests';
import { translateInputErrors } from '../../../lib/form-errors';
import { fixedIpProblem, refineWith, uuidProblem } from '../../../lib/validation';
import { availability, type Actor } from '../lifecycle';
import type { InterfaceAttachment, Server } from '../schemas';
import { ActionDialog } from './dialogs/action-dialog';
import { SectionHeader } from './section-header';

/**
 * Spec 13.2: the primary NIC (the first interface) is detached only after the others. The
 * reason it cannot go now, or null.
 */
export function detachBlock(interfaces: readonly InterfaceAttachment[], portId: string): 'primary' | null {
  return interfaces.length > 1 && interfaces[0]?.port_id === portId ? 'primary' : null;
}

type AttachBy = 'network' | 'port';

/** Attach Interface (13.1): a network with an optional fixed IP inside its subnet, or a port's UUID. */
const attachInterfaceSchema = (mode: AttachBy, network: Network | undefined) =>
  z.object({
    netId: z.string().nullable().refine((id) => mode !== 'network' || Boolean(id), 'validation.required'),
    fixedIp: z.string().superRefine(refineWith((ip: string) => (mode === 'network' ? fixedIpProblem(ip, network) : null))),
    portId: z.string().superRefine(refineWith((id: string) => (mode === 'port' ? uuidProblem(id) : null))),
  });

function AttachInterfaceDialog({ server, opened, onClose }: { server: Server; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const networks = useQuery({ ...networkQueries.list(compute), enabled: opened });
  const [mode, setMode] = useState<AttachBy>('network');
  const form = useForm({
    initialValues: { netId: null as string | null, fixedIp: '', portId: '' },
    // the rules depend on the mode and on the network chosen (its subnet)
    validate: (values) =>
      schemaResolver(attachInterfaceSchema(mode, networks.data?.find((n) => n.id === values.netId)), { sync: true })(values),
    validateInputOnChange: true,
    enhanceGetInputProps: translateInputErrors(t),
  });
  const { netId, fixedIp, portId } = form.getValues();
  const network = networks.data?.find((n) => n.id === netId);
  useEffect(() => {
    if (opened) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is stable
  }, [opened]);
  // another network, another subnet: the fixed IP typed is checked again
  useEffect(() => {
    if (form.getValues().fixedIp.trim()) form.validateField('fixedIp');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is stable
  }, [netId, network?.cidr]);

  let request: ServerRequest | null = null;
  if (form.isValid()) {
    request =
      mode === 'network' && netId
        ? serverRequests.attachInterface(server.id, { netId, fixedIp: fixedIp.trim() || undefined })
        : serverRequests.attachInterface(server.id, { portId: portId.trim() });
  }

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.network.attachTitle', { name: server.name })}
      request={request}
      submitLabel={t('server-detail.network.attachSubmit')}
      alsoInvalidate={[networkQueries.all()]}
    >
      <SegmentedControl
        value={mode}
        onChange={(value) => {
          setMode(value as AttachBy);
          form.clearErrors();
        }}
        data={[
          { value: 'network', label: t('server-detail.network.byNetwork') },
          { value: 'port', label: t('server-detail.network.byPort') },
        ]}
        aria-label={t('server-detail.network.attachBy')}
      />
      {mode === 'network' ? (
        <>
          <Select
            label={t('server-detail.network.network')}
            placeholder={t('server-detail.network.networkPlaceholder')}
            data={(networks.data ?? []).map((n) => ({ value: n.id, label: n.label ? `${n.label} (${n.id.slice(0, 8)})` : n.id }))}
            {...form.getInputProps('netId')}
            searchable
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('server-detail.network.fixedIp')}
            description={
              network?.cidr
                ? t('server-detail.network.fixedIpInSubnet', { cidr: network.cidr })
                : t('server-detail.network.fixedIpHint')
            }
            placeholder="192.168.0.10"
            {...form.getInputProps('fixedIp')}
          />
        </>
      ) : (
        <TextInput
          label={t('server-detail.network.portId')}
          description={t('server-detail.network.portIdHint')}
          placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
          required
          {...form.getInputProps('portId')}
        />
      )}
    </ActionDialog>
  );
}

function DetachInterfaceDialog({ server, port, onClose }: { server: Server; port: InterfaceAttachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog
      opened={Boolean(port)}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.network.detachTitle')}
      request={port ? serverRequests.detachInterface(server.id, port.port_id) : null}
      submitLabel={t('server-detail.network.detachSubmit')}
      danger
      alsoInvalidate={[networkQueries.all()]}
    >
      <Text size="sm">
        {t('server-detail.network.detachMessage', {
          port: port?.port_id ?? '',
          ips: port?.fixed_ips.map((ip) => ip.ip_address).join(', ') ?? '',
        })}
      </Text>
    </ActionDialog>
  );
}

/** Interfaces (13.x) with attach and detach, and the addresses per network (9.1). */
/** Show Port Interface Details (13.4): the port read afresh, with the subnet of each fixed IP. */
function InterfaceDetails({ server, portId, networkName, onClose }: { server: Server; portId: string | null; networkName: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const port = useQuery({ ...serverQueries.interface(compute, server.id, portId ?? ''), enabled: portId !== null });
  return (
    <Modal opened={portId !== null} onClose={onClose} title={t('server-detail.network.detailsTitle')} size="lg">
      <QueryState query={port}>
        {(data) => (
          <DetailFields
            fields={[
              { label: t('server-detail.network.port'), value: <CopyableId value={data.port_id} /> },
              {
                label: t('server-detail.network.network'),
                value: (
                  <Anchor component={Link} to={`/networks/${encodeURIComponent(data.net_id)}`} size="sm">
                    {networkName(data.net_id)}
                  </Anchor>
                ),
              },
              { label: t('server-detail.network.state'), value: data.port_state },
              { label: t('server-detail.network.mac'), value: data.mac_addr && <Code>{data.mac_addr}</Code> },
              {
                label: t('server-detail.network.fixedIps'),
                value: (
                  <Stack gap={2}>
                    {data.fixed_ips.map((ip) => (
                      <Text key={ip.ip_address} size="sm">
                        <Code>{ip.ip_address}</Code> {t('server-detail.network.onSubnet', { subnet: ip.subnet_id ?? '–' })}
                      </Text>
                    ))}
                  </Stack>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}

export function NetworkTab({ server, actor }: { server: Server; actor: Actor }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const interfaces = useQuery(serverQueries.interfaces(compute, server.id));
  const ips = useQuery(serverQueries.ips(compute, server.id));
  const networks = useQuery(networkQueries.list(compute));
  const [attaching, setAttaching] = useState(false);
  const [detaching, setDetaching] = useState<InterfaceAttachment | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const attach = availability(server, 'attach-interface', actor);
  const detach = availability(server, 'detach-interface', actor);
  const networkName = (id: string) => networks.data?.find((n) => n.id === id)?.label || id;
  const list = interfaces.data ?? [];

  const columns: Column<InterfaceAttachment>[] = [
    {
      key: 'port',
      header: t('server-detail.network.port'),
      cell: (row) => (
        <Group gap="xs" wrap="nowrap">
          <CopyableId value={row.port_id} />
          {list[0]?.port_id === row.port_id && (
            <Badge size="xs" variant="outline">
              {t('server-detail.network.primary')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'network', header: t('server-detail.network.network'), cell: (row) => networkName(row.net_id) },
    {
      key: 'ips',
      header: t('server-detail.network.fixedIps'),
      cell: (row) => (
        <Stack gap={0}>
          {row.fixed_ips.map((ip) => (
            <Code key={ip.ip_address}>{ip.ip_address}</Code>
          ))}
        </Stack>
      ),
    },
    { key: 'mac', header: t('server-detail.network.mac'), cell: (row) => (row.mac_addr ? <Code>{row.mac_addr}</Code> : '–') },
    { key: 'state', header: t('server-detail.network.state'), cell: (row) => row.port_state ?? '–' },
  ];

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <SectionHeader
          title={t('server-detail.network.interfaces')}
          actionLabel={t('server-detail.network.attach')}
          availability={attach}
          onAction={() => setAttaching(true)}
        />
        <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
          {t('server-detail.network.primaryRule')}
        </Alert>
        <QueryState query={interfaces}>
          {(data) => (
            <ResourceTable
              label={t('server-detail.network.interfaces')}
              data={data}
              columns={columns}
              getRowId={(row) => row.port_id}
              empty={<Text c="dimmed">{t('server-detail.network.noInterfaces')}</Text>}
              rowActions={[
                { label: t('server-detail.network.details'), onClick: (row) => setShowing(row.port_id) },
                {
                  label: t('server-detail.network.detach'),
                  color: 'red',
                  onClick: (row) => setDetaching(row),
                  disabled: (row) => {
                    if (!detach.allowed) return t(`server-detail.reason.${detach.reason}`);
                    return detachBlock(data, row.port_id) ? t('server-detail.network.primaryBlocked') : false;
                  },
                },
              ]}
            />
          )}
        </QueryState>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('server-detail.network.ipsTitle')}
        </Title>
        <QueryState
          query={ips}
          isEmpty={(data) => Object.keys(data).length === 0}
          empty={{ title: t('server-detail.network.noIps') }}
        >
          {(data) => (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {Object.entries(data).map(([network, addresses]) => (
                <Card key={network} withBorder padding="sm" radius="md">
                  <Text fw={500} mb="xs">
                    {network}
                  </Text>
                  <Table withRowBorders={false} verticalSpacing={2} aria-label={t('server-detail.network.addressesOf', { network })}>
                    <Table.Tbody>
                      {addresses.map((address) => (
                        <Table.Tr key={address.addr}>
                          <Table.Td>
                            <Code>{address.addr}</Code>
                          </Table.Td>
                          <Table.Td>IPv{address.version}</Table.Td>
                          <Table.Td>{address['OS-EXT-IPS:type'] ?? ''}</Table.Td>
                          <Table.Td>{address['OS-EXT-IPS-MAC:mac_addr'] ? <Code>{address['OS-EXT-IPS-MAC:mac_addr']}</Code> : null}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </QueryState>
      </Stack>

      <AttachInterfaceDialog server={server} opened={attaching} onClose={() => setAttaching(false)} />
      <DetachInterfaceDialog server={server} port={detaching} onClose={() => setDetaching(null)} />
      <InterfaceDetails server={server} portId={showing} networkName={networkName} onClose={() => setShowing(null)} />
    </Stack>
  );
}
