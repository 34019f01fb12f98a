import { Badge, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state';
import { useCompute } from '../../../lib/compute';
import { serverQueries } from '../queries';
import type { ServerSecurityGroupRule } from '../schemas';

/** "22", "1000–2000", "any" for a rule's port range (table 22-12; null or -1 means all). */
export function portRange(rule: Pick<ServerSecurityGroupRule, 'ip_protocol' | 'from_port' | 'to_port'>): string | null {
  const { from_port: from, to_port: to } = rule;
  if (from === null || from === undefined || from === -1) return null;
  if (rule.ip_protocol === 'icmp') return to === null || to === undefined || to === -1 ? `type ${from}` : `type ${from} / code ${to}`;
  if (to === undefined || to === null || to === from) return String(from);
  if (from === 1 && to === 65535) return null;
  return `${from}–${to}`;
}

/** The server's security groups (22.6) with their ingress rules. */
export function SecurityGroupsTab({ serverId }: { serverId: string }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const groups = useQuery(serverQueries.securityGroups(compute, serverId));
  return (
    <QueryState query={groups} isEmpty={(data) => data.length === 0} empty={{ title: t('server-detail.securityGroups.none') }}>
      {(data) => (
        <Stack gap="md">
          {data.map((group) => (
            <Card key={group.id} withBorder padding="md" radius="md">
              <Group justify="space-between" mb="xs">
                <Group gap="xs">
                  <Text fw={600}>{group.name}</Text>
                  <Code>{group.id}</Code>
                </Group>
                <Badge variant="light">{t('server-detail.securityGroups.ruleCount', { count: group.rules.length })}</Badge>
              </Group>
              {group.description && (
                <Text size="sm" c="dimmed" mb="xs">
                  {group.description}
                </Text>
              )}
              {group.rules.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('server-detail.securityGroups.noRules')}
                </Text>
              ) : (
                <Table striped verticalSpacing={4} aria-label={t('server-detail.securityGroups.rulesOf', { name: group.name })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('server-detail.securityGroups.direction')}</Table.Th>
                      <Table.Th>{t('server-detail.securityGroups.protocol')}</Table.Th>
                      <Table.Th>{t('server-detail.securityGroups.ports')}</Table.Th>
                      <Table.Th>{t('server-detail.securityGroups.source')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.rules.map((rule) => (
                      <Table.Tr key={rule.id}>
                        <Table.Td>{t('server-detail.securityGroups.ingress')}</Table.Td>
                        <Table.Td>{rule.ip_protocol ? rule.ip_protocol.toUpperCase() : t('server-detail.securityGroups.any')}</Table.Td>
                        <Table.Td>{portRange(rule) ?? t('server-detail.securityGroups.any')}</Table.Td>
                        <Table.Td>
                          {rule.group?.name ? (
                            t('server-detail.securityGroups.fromGroup', { name: rule.group.name })
                          ) : rule.ip_range?.cidr ? (
                            <Code>{rule.ip_range.cidr}</Code>
                          ) : (
                            t('server-detail.securityGroups.any')
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
