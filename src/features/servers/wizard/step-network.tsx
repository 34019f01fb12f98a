import { ActionIcon, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NicChoice } from './wizard-values';
import type { StepProps } from './wizard-types';

const newNic = (networkId = ''): NicChoice => ({ kind: 'network', networkId, portId: '', fixedIp: '' });

/** Network interfaces (table 4-7: a network with an optional fixed IP, or a port) and security groups. */
export function StepNetwork({ form, catalog, errorOf }: StepProps) {
  const { t } = useTranslation();
  const nics = form.values.nics;
  const networkOptions = catalog.networks.map((network) => ({
    value: network.id,
    label: network.cidr ? `${network.label ?? network.id} (${network.cidr})` : network.label ?? network.id,
  }));
  const hasNetworkNic = nics.some((nic) => nic.kind === 'network');

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('servers.wizard.nics')}
        </Text>
        {nics.length === 0 && (
          <Text size="sm" c={errorOf('nics') ? 'red' : 'dimmed'}>
            {errorOf('nics') ?? t('servers.wizard.noNic')}
          </Text>
        )}
        {nics.map((nic, index) => {
          const network = catalog.networks.find((entry) => entry.id === nic.networkId);
          return (
            <Paper key={index} withBorder p="sm" radius="md" role="group" aria-label={t('servers.wizard.nicN', { index: index + 1 })}>
              <Group align="flex-start" wrap="wrap" gap="sm">
                <SegmentedControl
                  size="xs"
                  mt={24}
                  value={nic.kind}
                  onChange={(kind) => form.setFieldValue(`nics.${index}.kind`, kind as NicChoice['kind'])}
                  data={[
                    { value: 'network', label: t('servers.wizard.byNetwork') },
                    { value: 'port', label: t('servers.wizard.byPort') },
                  ]}
                />
                {nic.kind === 'network' ? (
                  <>
                    <Select
                      label={t('servers.wizard.network')}
                      data={networkOptions}
                      value={nic.networkId || null}
                      onChange={(id) => form.setFieldValue(`nics.${index}.networkId`, id ?? '')}
                      error={errorOf(`nics.${index}.networkId`)}
                      miw={260}
                      allowDeselect={false}
                    />
                    <TextInput
                      label={t('servers.wizard.fixedIp')}
                      description={network?.cidr ? t('servers.wizard.fixedIpHint', { cidr: network.cidr }) : t('servers.wizard.fixedIpAuto')}
                      placeholder={t('servers.wizard.fixedIpPlaceholder')}
                      {...form.getInputProps(`nics.${index}.fixedIp`)}
                      error={errorOf(`nics.${index}.fixedIp`)}
                      miw={220}
                    />
                  </>
                ) : (
                  <TextInput
                    label={t('servers.wizard.portId')}
                    description={t('servers.wizard.portHint')}
                    {...form.getInputProps(`nics.${index}.portId`)}
                    error={errorOf(`nics.${index}.portId`)}
                    miw={360}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('servers.wizard.removeNic', { index: index + 1 })}
                  onClick={() => form.removeListItem('nics', index)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const unused = catalog.networks.find((network) => !nics.some((nic) => nic.networkId === network.id));
              form.insertListItem('nics', newNic(unused?.id ?? ''));
            }}
          >
            {t('servers.wizard.addNic')}
          </Button>
        </Group>
      </Stack>
      <MultiSelect
        label={t('servers.wizard.securityGroups')}
        description={hasNetworkNic ? t('servers.wizard.securityGroupsHint') : t('servers.wizard.securityGroupsPortOnly')}
        data={catalog.securityGroups.map((group) => ({ value: group.name, label: group.description ? `${group.name} — ${group.description}` : group.name }))}
        value={form.values.securityGroups}
        onChange={(groups) => form.setFieldValue('securityGroups', groups)}
        disabled={!hasNetworkNic}
        searchable
        clearable
        maw={560}
      />
    </Stack>
  );
}
