import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column } from '../../../components/resource-table';
import type { SecurityGroupRule } from '../schemas';
import { ruleRows, type RuleRow } from './rule-rows';
import { rulePorts, ruleProtocol, ruleSource } from './rule-text';

interface RuleTableProps {
  rules: SecurityGroupRule[];
  /** Deletes the row's rules (several when the row merges identical-looking ones). */
  onDelete: (row: RuleRow) => void;
}

/**
 * The group's ingress rules (Nova shows no egress), each deletable (spec 22.8). Rules that Nova's
 * view cannot tell apart are one row with their count, and a note says why.
 */
export function RuleTable({ rules, onDelete }: RuleTableProps) {
  const { t } = useTranslation();
  const rows = ruleRows(rules);
  const merged = rows.some((row) => row.rules.length > 1);
  const columns: Column<RuleRow>[] = [
    { key: 'direction', header: t('securityGroups.rules.direction'), cell: () => <Badge variant="light">{t('securityGroups.rules.ingress')}</Badge> },
    {
      key: 'family',
      header: t('securityGroups.rules.family'),
      cell: (row) =>
        row.family ?? (
          <Tooltip label={t('securityGroups.rules.familyUnknownHint')}>
            <Text span size="sm" c="dimmed">
              {t('securityGroups.rules.familyUnknown')}
            </Text>
          </Tooltip>
        ),
    },
    { key: 'protocol', header: t('securityGroups.rules.protocol'), cell: (row) => ruleProtocol(row.rule, t) },
    { key: 'ports', header: t('securityGroups.rules.ports'), cell: (row) => rulePorts(row.rule, t) },
    {
      key: 'source',
      header: t('securityGroups.rules.source'),
      cell: (row) => (
        <Group gap="xs" wrap="nowrap">
          <span>{ruleSource(row.rule, t)}</span>
          {row.rules.length > 1 && (
            <Badge variant="outline" color="gray" tt="none">
              {t('securityGroups.rules.mergedCount', { count: row.rules.length })}
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <ResourceTable
        label={t('securityGroups.rules.tableLabel')}
        data={rows}
        columns={columns}
        getRowId={(row) => row.id}
        getRowLabel={(row) => ruleLabel(row, t)}
        empty={t('securityGroups.rules.empty')}
        rowActions={[
          {
            label: t('securityGroups.rules.delete'),
            icon: <IconTrash size={16} />,
            color: 'red',
            onClick: onDelete,
          },
        ]}
      />
      {merged && (
        <Text size="xs" c="dimmed">
          {t('securityGroups.rules.mergedNote')}
        </Text>
      )}
    </Stack>
  );
}

/** "TCP 22 0.0.0.0/0" (the CIDR says the IP version), "… (2 rules)" for a merged row: names the row's actions and its delete. */
export function ruleLabel(row: RuleRow, t: TFunction): string {
  const text = `${ruleProtocol(row.rule, t)} ${rulePorts(row.rule, t)} ${ruleSource(row.rule, t)}`;
  return row.rules.length > 1 ? `${text} (${t('securityGroups.rules.mergedCount', { count: row.rules.length })})` : text;
}
