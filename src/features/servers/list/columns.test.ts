import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_PREFS, moveColumn, normalizeColumnPrefs, SERVER_COLUMNS, toggleColumn, visibleColumns } from './columns';

describe('column choice', () => {
  it('shows the defaults without a saved choice, and repairs a damaged one', () => {
    expect(normalizeColumnPrefs(undefined)).toEqual(DEFAULT_COLUMN_PREFS);
    const repaired = normalizeColumnPrefs({ order: ['tags', 'bogus', 'name', 'tags'], hidden: ['name', 'image', 'nope'] });
    expect(repaired.order.slice(0, 2)).toEqual(['tags', 'name']);
    expect(new Set(repaired.order)).toEqual(new Set(SERVER_COLUMNS));
    // the name cannot be hidden
    expect(repaired.hidden).toEqual(['image']);
  });

  it('hides, shows and moves columns', () => {
    let prefs = toggleColumn(DEFAULT_COLUMN_PREFS, 'image');
    expect(visibleColumns(prefs)).not.toContain('image');
    prefs = toggleColumn(prefs, 'image');
    expect(visibleColumns(prefs)).toContain('image');
    expect(toggleColumn(prefs, 'name')).toBe(prefs);
    const moved = moveColumn(prefs, 'status', -1);
    expect(moved.order.slice(0, 2)).toEqual(['status', 'name']);
    expect(moveColumn(moved, 'status', -1)).toBe(moved);
  });
});
