import { afterEach, describe, expect, it } from 'vitest';
import { mockHttp } from '../test/http-mock';
import { apiClient } from './api-client';
import { ApiError, clientErrorCodes, describeError, isOutcomeUnknown } from './errors';
import { i18n } from './i18n';
import { createQueryClient, shouldRetryRead } from './query-client';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const error = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) =>
  new ApiError({ status: 0, code: clientErrorCodes.http, message: '', ...init });

describe('reads may be asked again, writes never', () => {
  it('retries a read that timed out, lost its connection or met a 5xx, twice; never a 4xx or a malformed answer', () => {
    for (const failed of [
      error({ code: clientErrorCodes.timeout, method: 'GET' }),
      error({ code: clientErrorCodes.network, method: 'GET' }),
      error({ status: 504, code: 'upstream_unreachable', method: 'GET' }),
      error({ status: 503, method: 'GET' }),
    ]) {
      expect(shouldRetryRead(0, failed)).toBe(true);
      expect(shouldRetryRead(1, failed)).toBe(true);
      expect(shouldRetryRead(2, failed)).toBe(false);
    }
    for (const status of [400, 401, 403, 404, 409, 429]) expect(shouldRetryRead(0, error({ status, method: 'GET' }))).toBe(false);
    expect(shouldRetryRead(0, error({ code: clientErrorCodes.malformed }))).toBe(false);
  });

  it('sends a write once, even when its answer was lost', async () => {
    http = mockHttp({
      'PUT /api/compute/v2.1/p/servers/s1': {
        status: 502,
        body: { error: { message: 'dropped the connection after the request was sent', code: 'outcome_unknown' } },
      },
    });
    const client = createQueryClient();
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => apiClient.put('/api/compute/v2.1/p/servers/s1', { server: { name: 'x' } }),
      meta: { errorNotification: 'never' },
    });
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ code: 'outcome_unknown' });
    expect(http.to('/api/compute/v2.1/p/servers/s1', 'PUT')).toHaveLength(1);
    expect(client.getDefaultOptions().mutations?.retry).toBe(false);
  });
});

describe('outcome unknown', () => {
  const t = i18n.t.bind(i18n);

  it("is the gateway's outcome_unknown, or a write that got no answer at all", () => {
    expect(isOutcomeUnknown(error({ status: 504, code: 'outcome_unknown', method: 'POST' }))).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(isOutcomeUnknown(error({ code: clientErrorCodes.timeout, method }))).toBe(true);
      expect(isOutcomeUnknown(error({ code: clientErrorCodes.network, method }))).toBe(true);
    }
    // a read that got no answer is only a failed read: it can be asked again
    expect(isOutcomeUnknown(error({ code: clientErrorCodes.timeout, method: 'GET' }))).toBe(false);
    // a write the cloud refused has a known outcome
    expect(isOutcomeUnknown(error({ status: 409, code: 'conflictingRequest', method: 'POST' }))).toBe(false);
    expect(isOutcomeUnknown(error({ status: 502, code: 'upstream_unreachable', method: 'POST' }))).toBe(false);
  });

  it('is said in the user’s language, with the request id when there is one', async () => {
    const lost = error({ status: 502, code: 'outcome_unknown', method: 'PUT', message: 'The compute endpoint dropped the connection', requestId: 'req-9' });
    expect(describeError(lost, t)).toEqual({
      title: 'Outcome unknown',
      message: expect.stringContaining('may or may not have applied it'),
      requestId: 'req-9',
    });
    const zh = i18n.getFixedT('zh-CN');
    const { loadNamespaces } = await import('./i18n');
    await loadNamespaces([], 'zh-CN');
    expect(describeError(lost, zh).title).toBe('结果未知');
  });
});
