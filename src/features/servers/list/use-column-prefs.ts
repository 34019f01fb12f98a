import { useCallback, useMemo } from 'react';
import { useLocalStorage } from '@mantine/hooks';
import { DEFAULT_COLUMN_PREFS, normalizeColumnPrefs, visibleColumns, type ColumnPrefs } from './columns';

const STORAGE_KEY = 'ecs-console.servers.columns';

/** The servers table's column choice, kept in localStorage (and shared by the user's tabs). */
export function useColumnPrefs() {
  const [saved, setSaved, remove] = useLocalStorage<unknown>({
    key: STORAGE_KEY,
    defaultValue: DEFAULT_COLUMN_PREFS,
    getInitialValueInEffect: false,
  });
  const prefs = useMemo(() => normalizeColumnPrefs(saved), [saved]);
  const set = useCallback((next: ColumnPrefs) => setSaved(next), [setSaved]);
  return { prefs, visible: visibleColumns(prefs), setPrefs: set, reset: remove };
}
