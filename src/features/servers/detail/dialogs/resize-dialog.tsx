import { useEffect, useState } from 'react';
import { Badge, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../components/query-state';
import { flavorQueries } from '../../../flavors/queries';
import { limitsQueries } from '../../../limits/queries';
import type { AbsoluteLimits } from '../../../limits/schemas';
import type { Flavor } from '../../../flavors/schemas';
import { useCompute } from '../../../../lib/compute';
import { useFormatters } from '../../../../lib/format';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';
import classes from './dialogs.module.css';

type SizedFlavor = Pick<Flavor, 'id' | 'name' | 'vcpus' | 'ram' | 'disk' | 'disabled'>;

/** Smallest first: vCPUs, then RAM, then disk (then name), as one compares sizes. */
export function bySize<F extends SizedFlavor>(flavors: readonly F[]): F[] {
  return [...flavors].sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk || a.name.localeCompare(b.name));
}

/**
 * What a resize to `next` would pass of the project's limits (Nova checks the growth of vCPUs
 * and RAM against the quota and answers 403): the limits it would pass, or [].
 */
export function resizeOverQuota(limits: AbsoluteLimits | undefined, current: SizedFlavor | undefined, next: SizedFlavor): Array<'cores' | 'ram'> {
  if (!limits || !current) return [];
  const over: Array<'cores' | 'ram'> = [];
  const passes = (used: number | undefined, max: number | undefined, growth: number) =>
    growth > 0 && max !== undefined && max >= 0 && (used ?? 0) + growth > max;
  if (passes(limits.totalCoresUsed, limits.maxTotalCores, next.vcpus - current.vcpus)) over.push('cores');
  if (passes(limits.totalRAMUsed, limits.maxTotalRAMSize, next.ram - current.ram)) over.push('ram');
  return over;
}

/** Spec 5.1: another flavor, enabled, whose disk is not smaller; and within the quota. */
export function resizeTargetProblem(
  current: SizedFlavor | undefined,
  next: SizedFlavor,
  limits?: AbsoluteLimits,
): 'same' | 'smallerDisk' | 'disabled' | 'overQuota' | null {
  if (next.disabled) return 'disabled';
  if (!current) return null;
  if (next.id === current.id) return 'same';
  if (next.disk < current.disk) return 'smallerDisk';
  if (resizeOverQuota(limits, current, next).length) return 'overQuota';
  return null;
}

interface ResizeDialogProps {
  server: Server;
  opened: boolean;
  onClose: () => void;
}

/** Resize (5.1): a flavor picker that refuses smaller disks and the current flavor. */
export function ResizeDialog({ server, opened, onClose }: ResizeDialogProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const format = useFormatters();
  const flavors = useQuery({ ...flavorQueries.list(compute), enabled: opened });
  const limits = useQuery({ ...limitsQueries.absolute(compute), enabled: opened }).data;
  const [choice, setChoice] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setChoice(null);
  }, [opened]);

  const current = flavors.data?.find((flavor) => flavor.id === server.flavor.id);
  const chosen = flavors.data?.find((flavor) => flavor.id === choice);
  const valid = chosen && !resizeTargetProblem(current, chosen, limits);

  const describe = (flavor: Flavor) =>
    t('server-detail.resize.flavorSpec', {
      vcpus: flavor.vcpus,
      ram: format.megabytes(flavor.ram),
      disk: format.gigabytes(flavor.disk),
    });

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      serverId={server.id}
      title={t('server-detail.resize.title', { name: server.name })}
      request={valid ? serverRequests.resize(server.id, chosen.id) : null}
      submitLabel={t('server-detail.resize.submit')}
    >
      <Text size="sm">{t('server-detail.resize.intro')}</Text>
      <Text size="sm" c="dimmed">
        {current
          ? t('server-detail.resize.current', { name: current.name, spec: describe(current) })
          : t('server-detail.resize.currentUnknown', { id: server.flavor.id })}
      </Text>
      <QueryState query={flavors}>
        {(list) => (
          <ScrollArea.Autosize mah={320} type="auto">
            <Radio.Group value={choice} onChange={setChoice} label={t('server-detail.resize.flavor')}>
              <Stack gap={6} mt="xs">
                {bySize(list).map((flavor) => {
                  const problem = resizeTargetProblem(current, flavor, limits);
                  return (
                    <Radio.Card
                      key={flavor.id}
                      value={flavor.id}
                      disabled={Boolean(problem)}
                      className={classes.card}
                      aria-label={`${flavor.name} ${describe(flavor)}`}
                      p="sm"
                    >
                      <Group wrap="nowrap" align="flex-start">
                        <Radio.Indicator disabled={Boolean(problem)} />
                        <Stack gap={2}>
                          <Group gap="xs">
                            <Text fw={500} size="sm">
                              {flavor.name}
                            </Text>
                            {problem === 'same' && <Badge size="xs">{t('server-detail.resize.isCurrent')}</Badge>}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {describe(flavor)}
                          </Text>
                          {problem && problem !== 'same' && (
                            <Text size="xs" c="orange">
                              {t(`server-detail.resize.problem.${problem}`, {
                                disk: current ? format.gigabytes(current.disk) : '',
                                resources: resizeOverQuota(limits, current, flavor)
                                  .map((resource) => t(`server-detail.resize.quotaName.${resource}`))
                                  .join(', '),
                              })}
                            </Text>
                          )}
                        </Stack>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </Stack>
            </Radio.Group>
          </ScrollArea.Autosize>
        )}
      </QueryState>
      <Text size="xs" c="dimmed">
        {t('server-detail.resize.after')}
      </Text>
    </ActionDialog>
  );
}
