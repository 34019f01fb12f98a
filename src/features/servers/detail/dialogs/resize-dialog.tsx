import { useEffect, useState } from 'react';
import { Badge, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../components/query-state';
import { flavorQueries } from '../../../flavors/queries';
import type { Flavor } from '../../../flavors/schemas';
import { useCompute } from '../../../../lib/compute';
import { useFormatters } from '../../../../lib/format';
import { serverRequests } from '../../requests';
import type { Server } from '../../schemas';
import { ActionDialog } from './action-dialog';
import classes from './dialogs.module.css';

/** Spec 5.1: another flavor, enabled, whose disk is not smaller. */
export function resizeTargetProblem(
  current: Pick<Flavor, 'id' | 'disk'> | undefined,
  next: Pick<Flavor, 'id' | 'disk' | 'disabled'>,
): 'same' | 'smallerDisk' | 'disabled' | null {
  if (next.disabled) return 'disabled';
  if (!current) return null;
  if (next.id === current.id) return 'same';
  if (next.disk < current.disk) return 'smallerDisk';
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
  const [choice, setChoice] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setChoice(null);
  }, [opened]);

  const current = flavors.data?.find((flavor) => flavor.id === server.flavor.id);
  const chosen = flavors.data?.find((flavor) => flavor.id === choice);
  const valid = chosen && !resizeTargetProblem(current, chosen);

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
                {list.map((flavor) => {
                  const problem = resizeTargetProblem(current, flavor);
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
                              {t(`server-detail.resize.problem.${problem}`, { disk: current ? format.gigabytes(current.disk) : '' })}
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
