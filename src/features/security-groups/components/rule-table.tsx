import { Badge } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ResourceTable, type Column } from '../../../components/resource-table';
import type { SecurityGroupRule } from '../schemas';
import { rulePorts, ruleProtocol, ruleSource } from './rule-text';

interface RuleTableProps {
  rules: SecurityGroupRule[];
  onDelete: (rule: SecurityGroupRule) => void;
}

/** The group's ingress rules (Nova shows no egress), each deletable (spec 22.8). */
export function RuleTable({ rules, onDelete }: RuleTableProps) {
  const { t } = useTranslation();
  const columns: Column<SecurityGroupRule>[] = [
    { key: 'direction', header: t('securityGroups.rules.direction'), cell: () => <Badge variant="light">{t('securityGroups.rules.ingress')}</Badge> },
    { key: 'protocol', header: t('securityGroups.rules.protocol'), cell: (r) => ruleProtocol(r, t) },
    { key: 'ports', header: t('securityGroups.rules.ports'), cell: (r) => rulePorts(r, t) },
    { key: 'source', header: t('securityGroups.rules.source'), cell: (r) => ruleSource(r, t) },
  ];
  return (
    <ResourceTable
      label={t('securityGroups.rules.tableLabel')}
      data={rules}
      columns={columns}
      getRowId={(r) => r.id}
      getRowLabel={(r) => `${ruleProtocol(r, t)} ${rulePorts(r, t)} ${ruleSource(r, t)}`}
      empty={t('securityGroups.rules.empty')}
      rowActions={[{ label: t('securityGroups.rules.delete'), icon: <IconTrash size={16} />, color: 'red', onClick: onDelete }]}
    />
  );
}
