import { useEffect, useState } from 'react';
import { Box, Group, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import type { Freshness } from './live-poll';
import classes from './live-indicator.module.css';

/** A clock that ticks every `intervalMs` (for "updated 5 s ago" and stuck detection). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface LiveIndicatorProps {
  freshness: Freshness;
  onPausedChange: (paused: boolean) => void;
  /** When the rows were last known to be the cloud's. */
  updatedAt: number;
  now: number;
  /** Why the last polls failed. */
  error: unknown;
}

/**
 * "Up to date · updated 3 s ago" only when the last poll succeeded within its interval;
 * otherwise how old the rows are and why (refresh failed, overdue, paused). And the switch
 * that pauses the refreshing.
 */
export function LiveIndicator({ freshness, onPausedChange, updatedAt, now, error }: LiveIndicatorProps) {
  const { t } = useTranslation();
  const seconds = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null;
  const age =
    seconds === null
      ? ''
      : seconds < 60
        ? t('servers.live.updatedSeconds', { count: seconds })
        : t('servers.live.updatedMinutes', { count: Math.floor(seconds / 60) });
  const label = freshness === 'failed' ? t('servers.live.failed', { reason: describeError(error, t).title }) : t(`servers.live.${freshness}`);
  return (
    <Group gap="sm" wrap="nowrap">
      <Group gap={6} wrap="nowrap" role="status" aria-live="off" aria-label={t('servers.live.label')}>
        <Box className={classes.dot} data-state={freshness} aria-hidden />
        <Text size="sm" c={freshness === 'failed' ? 'red' : 'dimmed'}>
          {label}
          {age && ` · ${age}`}
        </Text>
      </Group>
      <Switch
        size="sm"
        label={t('servers.live.switch')}
        checked={freshness !== 'paused'}
        onChange={(event) => onPausedChange(!event.currentTarget.checked)}
      />
    </Group>
  );
}
