import { lazy, Suspense, useCallback, useState } from 'react';
import { ActionIcon, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../lifecycle';
import type { PalettePage } from './palette-entries';
import { palette } from './palette-store';

const ServerPalette = lazy(() => import('./server-palette').then((m) => ({ default: m.ServerPalette })));

export interface PaletteLauncher {
  /** Whether the palette has been asked for once (from then on it stays mounted). */
  wanted: boolean;
  open: () => void;
}

/**
 * Ctrl/⌘+K for the whole console. The palette's code loads on the first press; the press
 * opens the Spotlight store at once, so the palette shows open as soon as it has loaded.
 */
export function usePaletteLauncher(): PaletteLauncher {
  const [wanted, setWanted] = useState(false);
  const open = useCallback(() => {
    setWanted(true);
    palette.open();
  }, []);
  // [] : also while the focus is in a form field (a filter, a checkbox), as in other consoles
  useHotkeys([['mod+K', open]], []);
  return { wanted, open };
}

/**
 * The palette, loaded the first time it is wanted; mount it where useCompute() works. `pages`:
 * the console's pages, which the app knows (a feature does not import the app).
 */
export function LazyServerPalette({ wanted, actor, pages }: { wanted: boolean; actor: Actor; pages: PalettePage[] }) {
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ServerPalette actor={actor} pages={pages} />
    </Suspense>
  );
}

/** The header's search icon, with the shortcut in its tooltip. */
export function PaletteButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  return (
    <Tooltip
      label={
        <Group gap={6} wrap="nowrap">
          <Text size="xs">{t('servers.palette.open')}</Text>
          <Group gap={2} wrap="nowrap">
            <Kbd size="xs">{mod}</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        </Group>
      }
    >
      <ActionIcon variant="default" size="lg" aria-label={t('servers.palette.open')} aria-keyshortcuts="Control+K Meta+K" onClick={onOpen}>
        <IconSearch size={18} stroke={1.5} />
      </ActionIcon>
    </Tooltip>
  );
}
