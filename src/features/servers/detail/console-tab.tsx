import { useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Paper, ScrollArea, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconDownload, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiRequestPreview } from '../../../components/api-request-preview';
import { ErrorAlert } from '../../../components/error-alert';
import { useCompute } from '../../../lib/compute';
import { isApiError } from '../../../lib/errors';
import { serverQueries } from '../queries';
import { describeServerRequest } from '../api';
import { serverRequests } from '../requests';
import { consoleFileName, searchConsole, splitLines } from './console-text';
import { MAX_CONSOLE_LINES, consoleLinesProblem } from '../../../lib/validation';
import { availability, type Actor } from '../lifecycle';
import type { Server } from '../schemas';
import classes from './detail.module.css';

const FOLLOW_MS = 3000;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Show Console Output (5.7): lines to fetch, follow while running, search, download. */
export function ConsoleTab({ server, actor }: { server: Server; actor: Actor }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const [linesInput, setLinesInput] = useState<number | string>(50);
  const [allLines, setAllLines] = useState(false);
  const [length, setLength] = useState<number | undefined>(50);
  const [follow, setFollow] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const running = server.status.toUpperCase() === 'ACTIVE';
  const state = availability(server, 'console-output', actor);
  const following = follow && running;

  const output = useQuery({
    ...serverQueries.consoleOutput(compute, server.id, length),
    enabled: state.allowed,
    refetchInterval: following ? FOLLOW_MS : false,
  });
  const lines = useMemo(() => splitLines(output.data ?? ''), [output.data]);
  const search = useMemo(() => searchConsole(lines, query), [lines, query]);
  const lengthPb = allLines ? null : consoleLinesProblem(linesInput);

  // follow keeps the newest line in view
  useEffect(() => {
    if (following && viewport.current) viewport.current.scrollTo({ top: viewport.current.scrollHeight });
  }, [following, output.data]);

  // the current match scrolls into view
  useEffect(() => {
    if (!search.count || !viewport.current) return;
    const mark = viewport.current.querySelector<HTMLElement>(`[data-match="${Math.min(current, search.count - 1)}"]`);
    mark?.scrollIntoView({ block: 'center' });
  }, [current, search.count, query]);

  const apply = () => {
    if (lengthPb) return;
    const next = allLines ? undefined : Number(linesInput);
    if (next === length) void output.refetch();
    else setLength(next);
  };
  const step = (delta: number) => search.count && setCurrent((index) => (index + delta + search.count) % search.count);

  if (!state.allowed) {
    return <Alert color="gray">{t(`server-detail.console.unavailable.${state.reason}`, { defaultValue: t(`server-detail.reason.${state.reason}`) })}</Alert>;
  }

  const notReady = isApiError(output.error) && output.error.status === 409;
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('server-detail.console.lines')}
            value={linesInput}
            onChange={setLinesInput}
            min={1}
            max={MAX_CONSOLE_LINES}
            allowDecimal={false}
            disabled={allLines}
            error={lengthPb && t(lengthPb.key, lengthPb.values)}
            w={140}
          />
          <Checkbox label={t('server-detail.console.all')} checked={allLines} onChange={(event) => setAllLines(event.currentTarget.checked)} mb={8} />
          <Button type="submit" variant="light" leftSection={<IconRefresh size={16} />} loading={output.isFetching} disabled={Boolean(lengthPb)}>
            {t('server-detail.console.fetch')}
          </Button>
          <Tooltip label={running ? t('server-detail.console.followHint') : t('server-detail.console.followOnlyRunning')}>
            <div>
              <Switch
                label={t('server-detail.console.follow')}
                checked={following}
                disabled={!running}
                onChange={(event) => setFollow(event.currentTarget.checked)}
                mb={8}
              />
            </div>
          </Tooltip>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={!output.data}
            onClick={() => download(consoleFileName(server.name, new Date()), output.data ?? '')}
          >
            {t('server-detail.console.download')}
          </Button>
        </Group>
      </form>

      <Group gap="xs" wrap="nowrap">
        <TextInput
          aria-label={t('server-detail.console.search')}
          placeholder={t('server-detail.console.search')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setCurrent(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }
          }}
          w={320}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {query ? t('server-detail.console.matches', { count: search.count, current: search.count ? Math.min(current, search.count - 1) + 1 : 0 }) : ''}
        </Text>
        <ActionIcon variant="subtle" color="gray" aria-label={t('server-detail.console.previous')} disabled={!search.count} onClick={() => step(-1)}>
          <IconChevronUp size={16} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="gray" aria-label={t('server-detail.console.next')} disabled={!search.count} onClick={() => step(1)}>
          <IconChevronDown size={16} />
        </ActionIcon>
      </Group>

      {output.error && !output.data ? (
        notReady ? (
          <Alert color="gray">{t('server-detail.console.notReady')}</Alert>
        ) : (
          <ErrorAlert error={output.error} onRetry={() => void output.refetch()} retrying={output.isRefetching} />
        )
      ) : (
        <Paper withBorder radius="md" className={classes.console}>
          <ScrollArea h={460} viewportRef={viewport} type="auto" viewportProps={{ tabIndex: 0 }}>
            <div className={classes.consoleText} role="log" aria-label={t('server-detail.console.output')} aria-busy={output.isPending}>
              {output.isPending ? (
                <Text c="dimmed">{t('common.loading')}</Text>
              ) : output.data === '' ? (
                <Text c="dimmed">{t('server-detail.console.empty')}</Text>
              ) : (
                search.lines.map((segments, index) => (
                  <div key={index} className={classes.consoleLine}>
                    {segments.map((segment, i) =>
                      segment.match === null ? (
                        segment.text
                      ) : (
                        <mark key={i} data-match={segment.match} data-current={segment.match === Math.min(current, search.count - 1) || undefined} className={classes.match}>
                          {segment.text}
                        </mark>
                      ),
                    )}
                    {segments.length === 1 && segments[0].text === '' ? '\u00a0' : null}
                  </div>
                ))
              )}
            </div>
          </ScrollArea>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        {following
          ? t('server-detail.console.following', { seconds: FOLLOW_MS / 1000 })
          : t('server-detail.console.shown', { count: output.data ? lines.length : 0 })}
      </Text>
      <details>
        <summary className={classes.summary}>{t('server-detail.dialog.showRequest')}</summary>
        <ApiRequestPreview {...describeServerRequest(compute, serverRequests.consoleOutput(server.id, length))} />
      </details>
    </Stack>
  );
}
