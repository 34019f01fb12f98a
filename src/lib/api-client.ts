import axios, { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { ApiError, clientErrorCodes } from './errors';
import { notifySessionExpired } from './session-expiry';

/**
 * Never shorter than the gateway's own bound on an upstream call (UPSTREAM_TIMEOUT_MS, 180 s
 * by default): the gateway answers first — for a write, with whether its outcome is known.
 */
const DEFAULT_TIMEOUT_MS = 190_000;
const MARGIN_MS = 10_000;

/**
 * The one HTTP client of the SPA. Same-origin only: the gateway holds the token and forwards
 * `/api/compute/...`; `/auth/...` is the gateway's own session API.
 */
export const apiClient = axios.create({
  baseURL: '/',
  withCredentials: true,
  // never let a path built from data turn into a request to another origin
  allowAbsoluteUrls: false,
  timeout: DEFAULT_TIMEOUT_MS,
  headers: {
    Accept: 'application/json',
    // the gateway refuses mutating requests without it (CSRF defence)
    'X-Requested-With': 'ecs-console',
  },
});

/** Follows a gateway configured with a longer UPSTREAM_TIMEOUT_MS (it says so in its config and session). */
export function adoptGatewayTimeout(gatewayTimeoutMs: number | undefined): void {
  if (gatewayTimeoutMs === undefined) return;
  apiClient.defaults.timeout = Math.max(DEFAULT_TIMEOUT_MS, gatewayTimeoutMs + MARGIN_MS);
}

/** Calls where a 401 is an answer ("not logged in", "wrong password"), not an expired session. */
const SESSIONLESS = ['/auth/login', '/auth/session', '/auth/config'];

function pathOf(url: string | undefined): string {
  return (url ?? '').replace(/^\/+/, '/').split('?')[0];
}

function header(response: AxiosResponse | undefined, name: string): string | undefined {
  const headers = response?.headers;
  if (!headers) return undefined;
  const value = headers instanceof AxiosHeaders ? headers.get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' && value ? value : undefined;
}

export function requestIdOf(response: AxiosResponse | undefined): string | undefined {
  return header(response, 'x-openstack-request-id') ?? header(response, 'x-compute-request-id');
}

interface Envelope {
  code: string | undefined;
  message: string;
  fieldErrors?: Record<string, string>;
}

const NOVA_FIELD = /Invalid input for field\/attribute ([^.\s]+(?:\.[^.\s]+)*)\. Value: /;

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Reads Nova's envelope `{"itemNotFound": {"code": 404, "message": "..."}}`, the gateway's
 * `{"error": {"message", "code"}}` and Keystone's `{"error": {"code": 401, "title", "message"}}`.
 */
export function readErrorEnvelope(body: unknown): Envelope {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return { code: undefined, message: '' };
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { code: undefined, message: '' };
  const entries = Object.entries(data as Record<string, unknown>);
  const [key, inner] = entries.length === 1 ? entries[0] : ['', data];
  if (!inner || typeof inner !== 'object') return { code: undefined, message: '' };
  const fields = inner as Record<string, unknown>;
  const message = typeof fields.message === 'string' ? fields.message : '';
  const ownCode = typeof fields.code === 'string' ? fields.code : undefined;
  const code = key && key !== 'error' ? key : ownCode;
  let fieldErrors = stringRecord(fields.fieldErrors) ?? stringRecord(fields.fields);
  const novaField = NOVA_FIELD.exec(message);
  if (!fieldErrors && novaField?.[1]) fieldErrors = { [novaField[1]]: message };
  return { code, message, fieldErrors };
}

function retryAfterOf(response: AxiosResponse | undefined): number | undefined {
  const raw = header(response, 'retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Maps whatever axios rejected with to an ApiError. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof AxiosError)) {
    return new ApiError({ status: 0, code: clientErrorCodes.http, message: String(error), cause: error });
  }
  const method = (error.config?.method ?? 'get').toUpperCase();
  const url = pathOf(error.config?.url);
  const response = error.response;
  if (!response) {
    const timedOut = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT;
    return new ApiError({
      status: 0,
      code: timedOut ? clientErrorCodes.timeout : clientErrorCodes.network,
      message: '',
      method,
      url,
      cause: error,
    });
  }
  const envelope = readErrorEnvelope(response.data);
  return new ApiError({
    status: response.status,
    code: envelope.code ?? clientErrorCodes.http,
    message: envelope.message,
    requestId: requestIdOf(response),
    fieldErrors: envelope.fieldErrors,
    retryAfter: retryAfterOf(response),
    method,
    url,
    cause: error,
  });
}

apiClient.interceptors.response.use(undefined, (error: unknown) => {
  const apiError = toApiError(error);
  if (apiError.status === 401 && !SESSIONLESS.includes(apiError.url ?? '')) notifySessionExpired();
  return Promise.reject(apiError);
});
