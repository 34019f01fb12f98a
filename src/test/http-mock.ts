import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { apiClient } from '../lib/api-client';

/** A request as the network edge saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  params: Record<string, unknown> | undefined;
  headers: Record<string, string>;
  body: unknown;
}

interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = MockResponse | ((request: RecordedRequest) => MockResponse | Promise<MockResponse>);

/** `'GET /auth/session'` → handler. Paths are matched exactly, without the query string. */
export type Routes = Record<string, Handler>;

function recordOf(config: InternalAxiosRequestConfig): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  let body: unknown = config.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // keep the raw string
    }
  }
  const url = (config.url ?? '').replace(/^\/+/, '/');
  return { method: (config.method ?? 'get').toUpperCase(), url, params: config.params, headers, body };
}

/**
 * Replaces the network under the app's one axios instance. Unknown routes answer 404 with
 * Nova's envelope, so a test fails loudly instead of hanging.
 */
export function mockHttp(routes: Routes) {
  const requests: RecordedRequest[] = [];
  const adapter: AxiosAdapter = async (config) => {
    const request = recordOf(config);
    requests.push(request);
    const handler = routes[`${request.method} ${request.url.split('?')[0]}`];
    const answer: MockResponse = handler
      ? typeof handler === 'function'
        ? await handler(request)
        : handler
      : { status: 404, body: { itemNotFound: { code: 404, message: `no mock for ${request.method} ${request.url}` } } };
    const status = answer.status ?? 200;
    const response = {
      data: answer.body === undefined ? '' : JSON.stringify(answer.body),
      status,
      statusText: String(status),
      headers: new AxiosHeaders({ 'content-type': 'application/json', ...answer.headers }),
      config,
      request: {},
    };
    const valid = config.validateStatus ? config.validateStatus(status) : status >= 200 && status < 300;
    if (valid) return response;
    throw new AxiosError(
      `Request failed with status code ${status}`,
      status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      response.request,
      response,
    );
  };
  const previous = apiClient.defaults.adapter;
  apiClient.defaults.adapter = adapter;
  return {
    requests,
    /** Requests to a path (no query string), optionally of one method. */
    to: (url: string, method?: string) =>
      requests.filter((r) => r.url.split('?')[0] === url && (!method || r.method === method.toUpperCase())),
    restore: () => {
      apiClient.defaults.adapter = previous;
    },
  };
}
