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
  it('asks for every change since the newest update seen (the cloud’s clock), no other filter', () => {
    expect(cursorOf(page.servers)).toBe('2026-01-01T00:00:02Z');
    expect(changesParams({ name: 'web', status: 'ACTIVE', limit: 20, marker: 'x' }, '2026-01-01T00:00:02Z')).toEqual({
      'changes-since': '2026-01-01T00:00:02Z',
    });
  });

  it('in the all-projects view, asks across projects, or across the one project filtered', () => {
    expect(changesParams({ all_tenants: true }, 't')).toEqual({ 'changes-since': 't', all_tenants: true });
    expect(changesParams({ all_tenants: true, project_id: 'p2', name: 'x' }, 't')).toEqual({ 'changes-since': 't', all_tenants: true, project_id: 'p2' });
    // a project id without all_tenants means nothing to Nova: not sent
    expect(changesParams({ project_id: 'p2' }, 't')).toEqual({ 'changes-since': 't' });
  });

  it('updates changed rows in place and drops deleted ones', () => {
    const { page: merged, reload } = mergeServerChanges(page, [
      server('c', 'ACTIVE', '2026-01-01T00:00:05Z'),
      server('a', 'DELETED', '2026-01-01T00:00:04Z'),
    ]);
    expect(merged.servers.map((s) => [s.id, s.status])).toEqual([
      ['b', 'ACTIVE'],
      ['c', 'ACTIVE'],
    ]);
    expect(merged.nextMarker).toBe('c');
    expect(merged.cursor).toBe('2026-01-01T00:00:05Z');
    expect(reload).toBe(false);
  });

  it('reads the page again when a server not on it changed (new, or moved into it), once per change', () => {
    const first = mergeServerChanges(page, [server('z', 'BUILD', '2026-01-01T00:00:06Z')]);
    expect(first.reload).toBe(true);
    expect(first.page.cursor).toBe('2026-01-01T00:00:06Z');
    expect(first.page.offPage).toEqual({ z: '2026-01-01T00:00:06Z' });
    // changes-since is inclusive: the same answer again is not news
    expect(mergeServerChanges(first.page, [server('z', 'BUILD', '2026-01-01T00:00:06Z')]).reload).toBe(false);
    // a later change of it is
    expect(mergeServerChanges(first.page, [server('z', 'ACTIVE', '2026-01-01T00:00:07Z')]).reload).toBe(true);
    // a deletion elsewhere changes nothing here
    expect(mergeServerChanges(page, [server('y', 'DELETED', '2026-01-01T00:00:06Z')]).reload).toBe(false);
  });

  it('drops a row that left the status filter', () => {
    const { page: merged } = mergeServerChanges(
      { ...page, servers: [server('b', 'ACTIVE', '2026-01-01T00:00:00Z')] },
      [server('b', 'SHUTOFF', '2026-01-01T00:00:09Z')],
      { status: 'ACTIVE' },
    );
    expect(merged.servers).toEqual([]);
  });

  it('keeps the cursor when nothing changed', () => {
    expect(mergeServerChanges(page, []).page.cursor).toBe(page.cursor);
  });
});
