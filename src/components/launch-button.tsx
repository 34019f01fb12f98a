import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Choices the create wizard takes from its URL (`/servers/create?image=…&keypair=…`). */
export type LaunchPreset = Partial<Record<'image' | 'flavor' | 'network' | 'keypair' | 'group', string>>;

export function launchPath(preset: LaunchPreset): string {
  const query = Object.entries(preset)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/servers/create${query ? `?${query}` : ''}`;
}

/** "Launch a server" with this resource chosen in the wizard; `disabledReason` says why not. */
export function LaunchButton({ preset, disabledReason, children }: { preset: LaunchPreset; disabledReason?: string | null; children: ReactNode }) {
  return (
    <Button
      component={Link}
      to={launchPath(preset)}
      leftSection={<IconRocket size={16} />}
      disabled={Boolean(disabledReason)}
      title={disabledReason ?? undefined}
    >
      {children}
    </Button>
  );
}
