import { useEffect, useState } from 'react';
import { Box, Group, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  /** Some server is between states and the page is being refreshed. */
  live: boolean;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  updatedAt: number;
  now: number;
}

/** "Live · updated 3 s ago", and the switch that pauses the refreshing. */
export function LiveIndicator({ live, paused, onPausedChange, updatedAt, now }: LiveIndicatorProps) {
  const { t } = useTranslation();
  const seconds = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null;
  const state = paused ? 'paused' : live ? 'live' : 'idle';
  return (
    <Group gap="sm" wrap="nowrap">
      <Group gap={6} wrap="nowrap" role="status" aria-live="off" aria-label={t('servers.live.label')}>
        <Box className={classes.dot} data-state={state} aria-hidden />
        <Text size="sm" c="dimmed">
          {t(`servers.live.${state}`)}
          {seconds !== null && ` · ${seconds < 60 ? t('servers.live.updatedSeconds', { count: seconds }) : t('servers.live.updatedMinutes', { count: Math.floor(seconds / 60) })}`}
        </Text>
      </Group>
      <Switch
        size="sm"
        label={t('servers.live.switch')}
        checked={!paused}
        onChange={(event) => onPausedChange(!event.currentTarget.checked)}
      />
    </Group>
  );
}
