import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../lib/api-client';
import { onSessionExpired } from '../../lib/session-expiry';
import { session } from '../../test/fixtures';
import { mockHttp } from '../../test/http-mock';
import { getSession } from './api';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

describe('the session probe', () => {
  it('turns a signed-out answer (200 {authenticated: false}) into a 401 not_authenticated for the loaders, without ending any session', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    http = mockHttp({ 'GET /auth/session': { body: { authenticated: false } } });
    await expect(getSession()).rejects.toMatchObject({ status: 401, code: 'not_authenticated' });
    expect(expired).not.toHaveBeenCalled();
    stop();
  });

  it('reads the session with the version documents the gateway handed over', async () => {
    const compute = { versions: [{ id: 'v2.1', status: 'CURRENT' }], current: { id: 'v2.1', status: 'CURRENT' } };
    http = mockHttp({ 'GET /auth/session': { body: { authenticated: true, ...session, compute } } });
    expect(await getSession()).toMatchObject({ project: session.project, compute });
  });

  it("adopts the gateway's upstream timeout (plus a margin) as the SPA's own", async () => {
    const before = apiClient.defaults.timeout;
    try {
      http = mockHttp({ 'GET /auth/session': { body: { authenticated: true, ...session, upstreamTimeoutMs: 900_000 } } });
      await getSession();
      expect(apiClient.defaults.timeout).toBeGreaterThan(900_000);
    } finally {
      apiClient.defaults.timeout = before;
    }
  });

  it('still reads a session without them (compute: null)', async () => {
    http = mockHttp({ 'GET /auth/session': { body: session } });
    expect((await getSession()).compute).toBeNull();
  });
});
