import { describe, expect, it } from 'vitest';
import { changesParams, mergeServerChanges } from './live-merge';
import { cursorOf, type ServerListPage } from '../queries';
import type { Server } from '../schemas';

const server = (id: string, status: string, updated: string): Server =>
  ({ id, name: id, status, updated, created: updated, flavor: { id: 'f' }, image: null, metadata: {}, addresses: {} }) as Server;

const page: ServerListPage = {
  servers: [server('a', 'BUILD', '2026-01-01T00:00:01Z'), server('b', 'ACTIVE', '2026-01-01T00:00:00Z'), server('c', 'REBOOT', '2026-01-01T00:00:02Z')],
  nextMarker: 'c',
  cursor: '2026-01-01T00:00:02Z',
};

describe('incremental refresh with changes-since', () => {
  it('asks for the changes since the newest update seen (the cloud’s clock)', () => {
    expect(cursorOf(page.servers)).toBe('2026-01-01T00:00:02Z');
    expect(changesParams({ name: 'web', status: 'ACTIVE', limit: 20, marker: 'x' }, '2026-01-01T00:00:02Z')).toEqual({
      'changes-since': '2026-01-01T00:00:02Z',
    });
    expect(changesParams({ all_tenants: true }, 't')).toEqual({ 'changes-since': 't', all_tenants: true });
  });

  it('updates changed rows in place, drops deleted ones, ignores servers of other pages', () => {
    const merged = mergeServerChanges(page, [
      server('c', 'ACTIVE', '2026-01-01T00:00:05Z'),
      server('a', 'DELETED', '2026-01-01T00:00:04Z'),
      server('z', 'ACTIVE', '2026-01-01T00:00:06Z'),
    ]);
    expect(merged.servers.map((s) => [s.id, s.status])).toEqual([
      ['b', 'ACTIVE'],
      ['c', 'ACTIVE'],
    ]);
    expect(merged.nextMarker).toBe('c');
    expect(merged.cursor).toBe('2026-01-01T00:00:06Z');
  });

  it('drops a row that left the status filter', () => {
    const merged = mergeServerChanges(
      { ...page, servers: [server('b', 'ACTIVE', '2026-01-01T00:00:00Z')] },
      [server('b', 'SHUTOFF', '2026-01-01T00:00:09Z')],
      { status: 'ACTIVE' },
    );
    expect(merged.servers).toEqual([]);
  });

  it('keeps the cursor when nothing changed', () => {
    expect(mergeServerChanges(page, []).cursor).toBe(page.cursor);
  });
});
