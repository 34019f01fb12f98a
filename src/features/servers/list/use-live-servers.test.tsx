import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { focusManager, QueryClientProvider } from '@tanstack/react-query';
import { mockHttp, type RecordedRequest } from '../../../test/http-mock';
import { createTestQueryClient } from '../../../test/render';
import type { ComputeTarget } from '../../../lib/compute';
import { followServers } from '../follow';
import { useNow } from './live-indicator';
import { useLiveServers } from './use-live-servers';

const target: ComputeTarget = { projectId: 'p', microversion: '2.26', legacyAvailable: false };
const LIST = '/api/compute/v2.1/p/servers/detail';

const server = (id: string, name: string, updated: string, status = 'ACTIVE') => ({
  id,
  name,
  status,
  'OS-EXT-STS:vm_state': status === 'DELETED' ? 'deleted' : 'active',
  'OS-EXT-STS:task_state': null,
  updated,
  created: '2026-01-01T00:00:00Z',
  tenant_id: 'p',
  flavor: { id: 'f' },
  image: { id: 'i' },
  metadata: {},
  addresses: {},
});

let http: ReturnType<typeof mockHttp> | undefined;
let changes: (request: RecordedRequest) => { status?: number; body?: unknown };
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: false });
  changes = () => ({ body: { servers: [] } });
  http = mockHttp({
    [`GET ${LIST}`]: (request) =>
      request.params?.['changes-since']
        ? changes(request)
        : { body: { servers: [server('a', 'web-a', '2026-01-01T00:00:05Z'), server('b', 'web-b', '2026-01-01T00:00:03Z')] } },
  });
});
afterEach(() => {
  http?.restore();
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

const polls = () => (http?.to(LIST) ?? []).filter((r) => r.params?.['changes-since']);

function renderLive(paused = false) {
  const client = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  // the page's clock re-renders it every second, as the list page does
  return renderHook(() => useLiveServers(target, { limit: 20 }, paused, useNow(1000)), { wrapper });
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Testing Library's waitFor does not know vitest's fake timers: step the clock by hand. */
async function waitFor(check: () => void): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    try {
      check();
      return;
    } catch {
      await advance(25);
    }
  }
  check();
}

describe('the servers list follows the cloud while visible', () => {
  it('asks changes-since even when every row is stable, and lays others’ renames and deletions over the rows', async () => {
    changes = () => ({ body: { servers: [server('a', 'web-a2', '2026-01-01T00:00:09Z'), server('b', 'web-b', '2026-01-01T00:00:08Z', 'DELETED')] } });
    const { result } = renderLive();
    await waitFor(() => expect(result.current.page.data?.servers).toHaveLength(2));
    expect(result.current.freshness).toBe('upToDate');
    await advance(9_000);
    expect(polls()).toHaveLength(0);
    await advance(1_500);
    expect(polls()).toHaveLength(1);
    // the cursor is the newest `updated` the page saw: the cloud's clock
    expect(polls()[0].params).toEqual({ 'changes-since': '2026-01-01T00:00:05Z' });
    await waitFor(() => expect(result.current.page.data?.servers.map((s) => s.name)).toEqual(['web-a2']));
    await advance(10_500);
    expect(polls()).toHaveLength(2);
    expect(polls()[1].params).toEqual({ 'changes-since': '2026-01-01T00:00:09Z' });
  });

  it('asks nothing while the tab is hidden, and asks at once on its return', async () => {
    const { result } = renderLive();
    await waitFor(() => expect(result.current.page.data?.servers).toHaveLength(2));
    act(() => focusManager.setFocused(false));
    await advance(45_000);
    expect(polls()).toHaveLength(0);
    // no poll succeeded for longer than its interval: no claim of being up to date
    expect(result.current.freshness).toBe('late');
    act(() => focusManager.setFocused(true));
    await advance(100);
    expect(polls()).toHaveLength(1);
    await waitFor(() => expect(result.current.freshness).toBe('upToDate'));
  });

  it('says the refresh failed and backs off, then recovers', async () => {
    changes = () => ({ status: 503, body: { serviceUnavailable: { code: 503, message: 'down' } } });
    const { result } = renderLive();
    await waitFor(() => expect(result.current.page.data?.servers).toHaveLength(2));
    await advance(10_500);
    expect(polls()).toHaveLength(1);
    await waitFor(() => expect(result.current.freshness).toBe('failed'));
    // 10 s after one failure, 20 s after two
    await advance(10_000);
    expect(polls()).toHaveLength(2);
    await advance(15_000);
    expect(polls()).toHaveLength(2);
    changes = () => ({ body: { servers: [] } });
    await advance(5_500);
    expect(polls()).toHaveLength(3);
    await waitFor(() => expect(result.current.freshness).toBe('upToDate'));
    // the rows were kept all along
    expect(result.current.page.data?.servers).toHaveLength(2);
  });

  it('polls every 2 s while a row is followed after a write, until the cloud shows its result', async () => {
    const { result } = renderLive();
    await waitFor(() => expect(result.current.page.data?.servers).toHaveLength(2));
    followServers(['a'], () => '2026-01-01T00:00:05Z');
    await advance(1_000);
    expect(result.current.freshness).toBe('live');
    await advance(10_500);
    const before = polls().length;
    await advance(4_100);
    expect(polls().length).toBeGreaterThanOrEqual(before + 2);
    changes = () => ({ body: { servers: [server('a', 'web-a', '2026-01-01T00:00:20Z')] } });
    await advance(2_100);
    await waitFor(() => expect(result.current.freshness).toBe('upToDate'));
  });

  it('asks nothing while paused', async () => {
    const { result } = renderLive(true);
    await waitFor(() => expect(result.current.page.data?.servers).toHaveLength(2));
    await advance(30_000);
    expect(polls()).toHaveLength(0);
    expect(result.current.freshness).toBe('paused');
  });
});
