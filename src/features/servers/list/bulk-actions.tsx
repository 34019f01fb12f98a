import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Code,
  Group,
  Menu,
  Paper,
  Popover,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChevronDown, IconRefresh, IconTag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComputeTarget } from '../../../lib/compute';
import { failedItems, runBulk, summarizeBulk, type BulkItem, type BulkOutcome } from './bulk';
import { partitionByAvailability, type Actor, type BlockReason } from '../lifecycle';
import { confirmOperation } from '../confirmation';
import { runServerOperation, serversChanged } from '../mutations';
import type { QuickOperation } from '../requests';
import type { Server } from '../schemas';
import { tagProblem } from '../../../lib/validation';
import { OPERATION_ICONS } from './server-table';

interface BulkRun {
  operation: QuickOperation;
  arg?: string;
  outcomes: BulkOutcome[];
  running: boolean;
}

interface BulkActionsProps {
  selected: Server[];
  target: ComputeTarget;
  actor: Actor;
  onClearSelection: () => void;
}

function operationLabel(t: ReturnType<typeof useTranslation>['t'], operation: QuickOperation, arg?: string) {
  return operation === 'tags' ? t('servers.bulk.addTagNamed', { tag: arg }) : t(`servers.ops.${operation}`);
}

/** "7 of 9: 2 skipped, locked". */
function useBulkSummary() {
  const { t } = useTranslation();
  return (outcomes: readonly BulkOutcome[]) => {
    const summary = summarizeBulk(outcomes);
    const reasons = (Object.entries(summary.skippedBy) as [BlockReason, number][])
      .map(([reason, count]) => t('servers.bulk.skipped', { count, reason: t(`servers.reasonShort.${reason}`) }))
      .join('; ');
    const base = t('servers.bulk.ofTotal', { eligible: summary.eligible, total: summary.total });
    return reasons ? `${base}: ${reasons}` : base;
  };
}

/** Actions on the selected servers, run on the eligible part, with an outcome per server. */
export function BulkActions({ selected, target, actor, onClearSelection }: BulkActionsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const describe = useBulkSummary();
  const [run, setRun] = useState<BulkRun | null>(null);
  const [tag, setTag] = useState('');
  const [tagOpened, setTagOpened] = useState(false);
  const tagError = tag ? tagProblem(tag.trim()) : null;

  /** Runs on `items`; `kept` are outcomes shown as they are (skipped ones, earlier successes). */
  const execute = async (operation: QuickOperation, items: BulkItem[], kept: BulkOutcome[], arg?: string) => {
    setRun({ operation, arg, outcomes: [...kept], running: true });
    const outcomes = await runBulk(items, (item) => runServerOperation(target, item.id, operation, arg), {
      onProgress: (outcome) =>
        setRun((current) => (current ? { ...current, outcomes: [...current.outcomes, outcome] } : current)),
    });
    setRun({ operation, arg, outcomes: [...kept.filter((o) => o.state !== 'skipped'), ...outcomes, ...kept.filter((o) => o.state === 'skipped')], running: false });
    await serversChanged(queryClient, items.map((item) => item.id));
  };

  const start = async (operation: QuickOperation, arg?: string) => {
    const { eligible, skipped } = partitionByAvailability(selected, operation, actor);
    const skippedOutcomes: BulkOutcome[] = skipped.map(({ server, reason }) => ({
      id: server.id,
      name: server.name,
      state: 'skipped',
      reason,
    }));
    const items = eligible.map((server) => ({ id: server.id, name: server.name }));
    const plan = describe([...items.map((item) => ({ ...item, state: 'done' as const })), ...skippedOutcomes]);
    if (items.length === 0) {
      setRun({ operation, arg, outcomes: skippedOutcomes, running: false });
      return;
    }
    // the plan is always shown; disruptive and destructive operations ask as everywhere else
    const ok = await confirmOperation(t, operation, items, { label: operationLabel(t, operation, arg), plan });
    if (ok) await execute(operation, items, skippedOutcomes, arg);
  };

  const retry = async () => {
    if (!run) return;
    const again = failedItems(run.outcomes);
    const kept = run.outcomes.filter((outcome) => outcome.state !== 'failed');
    await execute(run.operation, again, kept, run.arg);
  };

  const summary = run ? summarizeBulk(run.outcomes) : null;
  const finished = run ? run.outcomes.filter((outcome) => outcome.state !== 'skipped').length : 0;

  return (
    <Stack gap="xs">
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="md" role="toolbar" aria-label={t('servers.bulk.toolbar')}>
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('servers.bulk.selected', { count: selected.length })}
              </Text>
              <Button size="xs" variant="default" leftSection={OPERATION_ICONS.start} onClick={() => void start('start')}>
                {t('servers.ops.start')}
              </Button>
              <Button size="xs" variant="default" leftSection={OPERATION_ICONS.stop} onClick={() => void start('stop')}>
                {t('servers.ops.stop')}
              </Button>
              <Menu position="bottom-start" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default" leftSection={OPERATION_ICONS['reboot-soft']} rightSection={<IconChevronDown size={12} />}>
                    {t('servers.bulk.reboot')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={OPERATION_ICONS['reboot-soft']} onClick={() => void start('reboot-soft')}>
                    {t('servers.ops.reboot-soft')}
                  </Menu.Item>
                  <Menu.Item leftSection={OPERATION_ICONS['reboot-hard']} onClick={() => void start('reboot-hard')}>
                    {t('servers.ops.reboot-hard')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <Button size="xs" variant="default" leftSection={OPERATION_ICONS.lock} onClick={() => void start('lock')}>
                {t('servers.ops.lock')}
              </Button>
              <Button size="xs" variant="default" leftSection={OPERATION_ICONS.unlock} onClick={() => void start('unlock')}>
                {t('servers.ops.unlock')}
              </Button>
              <Popover opened={tagOpened} onChange={setTagOpened} position="bottom-start" withinPortal trapFocus>
                <Popover.Target>
                  <Button size="xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => setTagOpened((o) => !o)}>
                    {t('servers.bulk.addTag')}
                  </Button>
                </Popover.Target>
                <Popover.Dropdown>
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      const value = tag.trim();
                      if (!value || tagProblem(value)) return;
                      setTagOpened(false);
                      setTag('');
                      void start('tags', value);
                    }}
                  >
                    <Stack gap="xs" w={260}>
                      <TextInput
                        label={t('servers.bulk.tagLabel')}
                        value={tag}
                        onChange={(event) => setTag(event.currentTarget.value)}
                        error={tagError && t(tagError.key, tagError.values)}
                        data-autofocus
                      />
                      <Button type="submit" size="xs" disabled={!tag.trim() || Boolean(tagError)}>
                        {t('servers.bulk.addTag')}
                      </Button>
                    </Stack>
                  </form>
                </Popover.Dropdown>
              </Popover>
              <Button size="xs" color="red" variant="light" leftSection={OPERATION_ICONS.delete} onClick={() => void start('delete')}>
                {t('servers.ops.delete')}
              </Button>
            </Group>
            <Button size="xs" variant="subtle" color="gray" onClick={onClearSelection}>
              {t('servers.bulk.clearSelection')}
            </Button>
          </Group>
        </Paper>
      )}
      {run && summary && (
        <section aria-label={t('servers.bulk.resultsLabel')}>
        <Alert
          color={run.running ? 'blue' : summary.failed ? 'red' : summary.unknown ? 'orange' : summary.skipped ? 'yellow' : 'teal'}
          title={`${operationLabel(t, run.operation, run.arg)} — ${describe(run.outcomes)}`}
          withCloseButton={false}
        >
          <Stack gap="xs">
            {run.running ? (
              <Progress value={summary.eligible ? (finished / Math.max(1, summary.eligible)) * 100 : 100} animated size="sm" />
            ) : (
              <Text size="sm">
                {t(summary.unknown ? 'servers.bulk.resultUnknown' : 'servers.bulk.result', { done: summary.done, failed: summary.failed, unknown: summary.unknown })}
              </Text>
            )}
            <Table verticalSpacing={4} fz="sm" aria-label={t('servers.bulk.outcomes')}>
              <Table.Tbody>
                {run.outcomes.map((outcome) => (
                  <Table.Tr key={outcome.id}>
                    <Table.Td>{outcome.name || outcome.id}</Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        color={{ done: 'teal', failed: 'red', unknown: 'orange', skipped: 'gray' }[outcome.state]}
                      >
                        {t(`servers.bulk.state.${outcome.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {outcome.state === 'failed' && (
                        <Stack gap={0}>
                          <Text size="sm">{outcome.message || t('servers.bulk.noMessage', { status: outcome.status ?? '' })}</Text>
                          {outcome.requestId && (
                            <Text size="xs" c="dimmed">
                              {t('errors.requestId')} <Code fz="xs">{outcome.requestId}</Code>
                            </Text>
                          )}
                        </Stack>
                      )}
                      {outcome.state === 'unknown' && (
                        <Text size="sm">
                          {t('servers.bulk.unknownHint')}
                          {outcome.requestId && (
                            <>
                              {' '}
                              {t('errors.requestId')} <Code fz="xs">{outcome.requestId}</Code>
                            </>
                          )}
                        </Text>
                      )}
                      {outcome.state === 'skipped' && <Text size="sm">{t(`servers.reason.${outcome.reason}`)}</Text>}
                      {outcome.state === 'done' && <Text size="sm">{t('servers.bulk.accepted')}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {!run.running && (
              <Group gap="xs">
                {summary.failed > 0 && (
                  <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void retry()}>
                    {t('servers.bulk.retryFailed', { count: summary.failed })}
                  </Button>
                )}
                <CloseButton aria-label={t('servers.bulk.dismiss')} onClick={() => setRun(null)} ml="auto" />
              </Group>
            )}
          </Stack>
        </Alert>
        </section>
      )}
    </Stack>
  );
}
