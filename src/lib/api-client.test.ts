import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from '../../server/gateway/config';
import { mockHttp } from '../test/http-mock';
import { adoptGatewayTimeout, apiClient, readErrorEnvelope } from './api-client';
import { ApiError, describeError, parseResponse } from './errors';
import { i18n } from './i18n';
import { onSessionExpired } from './session-expiry';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('sends the CSRF header and cookies on every request', async () => {
    http = mockHttp({ 'POST /auth/logout': { status: 204 } });
    await apiClient.post('/auth/logout');
    expect(http.requests[0]?.headers['x-requested-with']).toBe('ecs-console');
    expect(apiClient.defaults.withCredentials).toBe(true);
  });

  it("maps Nova's error envelope with its request id", async () => {
    http = mockHttp({
      'GET /api/compute/v2.1/p/servers/x': {
        status: 404,
        body: { itemNotFound: { code: 404, message: 'Instance x could not be found.' } },
        headers: { 'x-openstack-request-id': 'req-123' },
      },
    });
    const error = await failure(apiClient.get('/api/compute/v2.1/p/servers/x'));
    expect(error).toMatchObject({
      status: 404,
      code: 'itemNotFound',
      message: 'Instance x could not be found.',
      requestId: 'req-123',
      method: 'GET',
      url: '/api/compute/v2.1/p/servers/x',
    });
  });

  it('falls back to x-compute-request-id', async () => {
    http = mockHttp({
      'POST /api/compute/v2/p/os-volumes': {
        status: 413,
        body: { overLimit: { code: 413, message: 'VolumeLimitExceeded' } },
        headers: { 'x-compute-request-id': 'req-456' },
      },
    });
    const error = await failure(apiClient.post('/api/compute/v2/p/os-volumes', {}));
    expect(error).toMatchObject({ status: 413, code: 'overLimit', requestId: 'req-456' });
  });

  it("maps the gateway's envelope and Retry-After", async () => {
    http = mockHttp({
      'POST /auth/login': {
        status: 429,
        body: { error: { message: 'Too many login attempts', code: 'throttled' } },
        headers: { 'retry-after': '30' },
      },
    });
    const error = await failure(apiClient.post('/auth/login', {}));
    expect(error).toMatchObject({ status: 429, code: 'throttled', message: 'Too many login attempts', retryAfter: 30 });
    expect(describeError(error, i18n.t.bind(i18n)).message).toBe('Too many attempts. Try again in 30 s.');
  });

  it('extracts the field of a Nova validation message', () => {
    const envelope = readErrorEnvelope({
      badRequest: {
        code: 400,
        message: "Invalid input for field/attribute name. Value: . '' is too short",
      },
    });
    expect(envelope.code).toBe('badRequest');
    expect(envelope.fieldErrors).toEqual({ name: "Invalid input for field/attribute name. Value: . '' is too short" });
  });

  it('reports a network failure with a translated message', async () => {
    http = mockHttp({});
    apiClient.defaults.adapter = async (config) => {
      throw new (await import('axios')).AxiosError('Network Error', 'ERR_NETWORK', config);
    };
    const error = await failure(apiClient.get('/auth/config'));
    expect(error).toMatchObject({ status: 0, code: 'networkError' });
    expect(describeError(error, i18n.t.bind(i18n))).toMatchObject({ title: 'Cannot reach the console' });
  });

  it('uses a translated template when the cloud sends no message', async () => {
    http = mockHttp({ 'GET /api/compute/': { status: 502, body: 'Bad gateway' } });
    const error = await failure(apiClient.get('/api/compute/'));
    expect(error.status).toBe(502);
    expect(describeError(error, i18n.t.bind(i18n)).message).toBe('The cloud failed to handle the request (HTTP 502).');
  });

  it('fires session expiry on a 401 from /api, not from the login or session check', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    http = mockHttp({
      'GET /auth/session': { status: 401, body: { error: { message: 'no session' } } },
      'POST /auth/login': { status: 401, body: { error: { message: 'Invalid credentials' } } },
      'GET /api/compute/v2.1/p/servers': { status: 401, body: { error: { message: 'token expired' } } },
    });
    await failure(apiClient.get('/auth/session'));
    await failure(apiClient.post('/auth/login', {}));
    expect(expired).not.toHaveBeenCalled();
    await failure(apiClient.get('/api/compute/v2.1/p/servers'));
    expect(expired).toHaveBeenCalledTimes(1);
    stop();
  });

  it("waits longer than the gateway's bound on an upstream call, so the gateway answers first", () => {
    const initial = apiClient.defaults.timeout!;
    try {
      expect(initial).toBeGreaterThan(DEFAULT_UPSTREAM_TIMEOUT_MS);
      adoptGatewayTimeout(600_000);
      expect(apiClient.defaults.timeout).toBeGreaterThan(600_000);
      // A gateway with a short bound never makes the SPA give up sooner than by default.
      adoptGatewayTimeout(5_000);
      expect(apiClient.defaults.timeout).toBe(initial);
    } finally {
      apiClient.defaults.timeout = initial;
    }
  });

  it('refuses absolute URLs so a path built from data cannot leave the origin', () => {
    expect(apiClient.defaults.allowAbsoluteUrls).toBe(false);
  });

  it('turns a malformed answer into a clear ApiError', () => {
    const schema = z.object({ limits: z.object({ absolute: z.object({ maxTotalCores: z.number() }) }) });
    let error: unknown;
    try {
      parseResponse(schema, { limits: { absolute: { maxTotalCores: 'many' } } }, { method: 'get', url: '/api/compute/v2.1/p/limits' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    const message = describeError(error, i18n.t.bind(i18n)).message;
    expect(message).toContain('GET /api/compute/v2.1/p/limits');
    expect(message).toContain('limits.absolute.maxTotalCores');
  });
});
