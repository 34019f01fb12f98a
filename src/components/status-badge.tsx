import { Badge, Loader, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import nowrap from './nowrap.module.css';

interface Tone {
  color: MantineColor;
  /** The resource is between states; lists poll while one is shown. */
  transitional?: boolean;
}

const busy = (color: MantineColor = 'blue'): Tone => ({ color, transitional: true });

/** Servers (spec table 4-2), volumes and snapshots, images, API versions. */
const TONES: Record<string, Tone> = {
  ACTIVE: { color: 'green' },
  BUILD: busy(),
  REBOOT: busy(),
  HARD_REBOOT: busy(),
  REBUILD: busy(),
  RESIZE: busy(),
  REVERT_RESIZE: busy(),
  MIGRATING: busy(),
  PASSWORD: busy(),
  VERIFY_RESIZE: { color: 'yellow' },
  SHUTOFF: { color: 'gray' },
  SUSPENDED: { color: 'gray' },
  PAUSED: { color: 'gray' },
  SHELVED: { color: 'gray' },
  SHELVED_OFFLOADED: { color: 'gray' },
  RESCUE: { color: 'orange' },
  ERROR: { color: 'red' },
  DELETED: { color: 'dark' },
  SOFT_DELETED: { color: 'dark' },
  UNKNOWN: { color: 'gray' },
  AVAILABLE: { color: 'green' },
  IN_USE: { color: 'cyan' },
  CREATING: busy(),
  ATTACHING: busy(),
  DETACHING: busy(),
  DELETING: busy('red'),
  EXTENDING: busy(),
  ERROR_DELETING: { color: 'red' },
  ERROR_EXTENDING: { color: 'red' },
  SAVING: busy(),
  QUEUED: busy(),
  KILLED: { color: 'red' },
  CURRENT: { color: 'green' },
  SUPPORTED: { color: 'blue' },
  DEPRECATED: { color: 'orange' },
};

/** `in-use` → `IN_USE`: one key space for every resource's statuses. */
export function statusKey(status: string): string {
  return status.trim().toUpperCase().replace(/[-\s]+/g, '_');
}

export function isTransitionalStatus(status: string | null | undefined): boolean {
  return Boolean(status && TONES[statusKey(status)]?.transitional);
}

interface StatusBadgeProps {
  status: string;
  /** Replaces the translated status, e.g. the task in progress ("Rebooting"). */
  label?: string;
}

/** A coloured status; a spinner while the resource is between states. Unknown statuses show as sent. */
export function StatusBadge({ status, label }: StatusBadgeProps) {
  const { t } = useTranslation();
  const key = statusKey(status);
  const tone = TONES[key] ?? { color: 'gray' };
  return (
    <Badge
      color={tone.color}
      variant="light"
      // a squeezed table column must not cut the status ("STOPP…"): the column widens instead
      className={nowrap.nowrap}
      leftSection={tone.transitional ? <Loader size={10} color={tone.color} /> : undefined}
    >
      {label ?? t(`status.${key}`, { defaultValue: status })}
    </Badge>
  );
}
