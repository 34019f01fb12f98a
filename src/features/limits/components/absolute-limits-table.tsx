import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { UNLIMITED } from '../../../lib/schemas';
import type { AbsoluteLimits } from '../schemas';
import classes from './absolute-limits-table.module.css';

/** Every field of `limits.absolute` (spec 15.1), in the spec's terms. */
const ORDER: Array<keyof AbsoluteLimits> = [
  'maxTotalInstances',
  'totalInstancesUsed',
  'maxTotalCores',
  'totalCoresUsed',
  'maxTotalRAMSize',
  'totalRAMUsed',
  'maxTotalKeypairs',
  'maxSecurityGroups',
  'totalSecurityGroupsUsed',
  'maxSecurityGroupRules',
  'maxServerGroups',
  'totalServerGroupsUsed',
  'maxServerGroupMembers',
  'maxServerMeta',
  'maxImageMeta',
  'maxPersonality',
  'maxPersonalitySize',
  'maxTotalFloatingIps',
  'totalFloatingIpsUsed',
];
const MEGABYTES = new Set<keyof AbsoluteLimits>(['maxTotalRAMSize', 'totalRAMUsed']);
const BYTES = new Set<keyof AbsoluteLimits>(['maxPersonalitySize']);

export function AbsoluteLimitsTable({ limits }: { limits: AbsoluteLimits }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table striped aria-label={t('limits.absolute.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('limits.absolute.field')}</Table.Th>
          <Table.Th ta="right">{t('limits.absolute.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ORDER.filter((key) => limits[key] !== undefined).map((key) => {
          const value = limits[key] as number;
          let shown: string;
          if (value === UNLIMITED) shown = t('usage.unlimited');
          else if (MEGABYTES.has(key)) shown = format.megabytes(value);
          else if (BYTES.has(key)) shown = format.bytes(value);
          else shown = format.count(value);
          return (
            <Table.Tr key={key} data-limit={key}>
              <Table.Th scope="row" fw={400}>
                {t(`limits.absolute.names.${key}`)}
                <Text span size="xs" c="dimmed" ff="monospace" ml="xs">
                  {key}
                </Text>
              </Table.Th>
              <Table.Td ta="right" className={classes.value}>
                {shown}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
