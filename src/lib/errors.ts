import type { TFunction } from 'i18next';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';

/** Codes the console itself assigns when the cloud gave none (network failures, bad answers). */
export const clientErrorCodes = {
  network: 'networkError',
  timeout: 'timeout',
  malformed: 'malformedResponse',
  http: 'httpError',
} as const;

export interface ApiErrorInit {
  status: number;
  /** Nova's envelope key (`itemNotFound`, `badRequest`, `overLimit` ...), the gateway's code, or one of `clientErrorCodes`. */
  code: string;
  /** The cloud's own message; empty when it sent none (the UI then shows a translated template). */
  message: string;
  requestId?: string;
  fieldErrors?: Record<string, string>;
  /** Seconds from a `Retry-After` header (429, 503). */
  retryAfter?: number;
  method?: string;
  url?: string;
  cause?: unknown;
}

/** The one error type every API call rejects with. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfter?: number;
  readonly method?: string;
  readonly url?: string;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors;
    this.retryAfter = init.retryAfter;
    this.method = init.method;
    this.url = init.url;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A 404: for reads whose "not there" is an answer (a tag, a metadata key), not a failure. */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/**
 * Parses a response body with the feature's zod schema, so that a cloud answering in an
 * unexpected shape produces a clear ApiError naming the request and the offending fields.
 * Takes classic `zod` and `zod/mini` schemas alike.
 */
export function parseResponse<S extends $ZodType>(
  schema: S,
  data: unknown,
  where: { method: string; url: string; requestId?: string },
): output<S> {
  const result = safeParse(schema, data);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ApiError({
    status: 0,
    code: clientErrorCodes.malformed,
    message: '',
    method: where.method.toUpperCase(),
    url: where.url,
    requestId: where.requestId,
    fieldErrors: { response: detail },
    cause: result.error,
  });
}

export type ErrorKind =
  | 'outcomeUnknown'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'throttled'
  | 'server'
  | 'unavailable'
  | 'unknown';

const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write whose answer never came: the gateway says so (`outcome_unknown`: sent, then timed out
 * or cut off), or the browser itself got no answer (its timeout, a lost connection). The cloud
 * may or may not have applied it; it must be re-read, never sent again blindly.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'outcome_unknown') return true;
  const noAnswer = error.code === clientErrorCodes.timeout || error.code === clientErrorCodes.network;
  return noAnswer && WRITES.has((error.method ?? '').toUpperCase());
}

function kindOf(error: ApiError): ErrorKind {
  if (isOutcomeUnknown(error)) return 'outcomeUnknown';
  if (error.code === clientErrorCodes.network) return 'network';
  if (error.code === clientErrorCodes.timeout) return 'timeout';
  if (error.code === clientErrorCodes.malformed) return 'malformed';
  switch (error.status) {
    case 400:
      return 'badRequest';
    case 401:
      return 'unauthorized';
    case 403:
      return error.code === 'overLimit' ? 'tooLarge' : 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 413:
      return 'tooLarge';
    case 429:
      return 'throttled';
    case 503:
      return 'unavailable';
    default:
      return error.status >= 500 ? 'server' : 'unknown';
  }
}

export interface ErrorDescription {
  title: string;
  message: string;
  requestId?: string;
}

/**
 * Turns any error into what the UI shows: a translated title, the cloud's message (or a
 * translated template when it sent none) and the request id to quote to an operator.
 */
export function describeError(
  error: unknown,
  t: TFunction,
  /** Templates to use instead of the generic ones, by kind (e.g. the login form's 401). */
  overrides: Partial<Record<ErrorKind, string>> = {},
): ErrorDescription {
  if (!isApiError(error)) {
    const message = error instanceof Error && error.message ? error.message : t('errors.message.unknown');
    return { title: t('errors.title.unknown'), message };
  }
  const kind = kindOf(error);
  const templateKey = kind === 'throttled' && error.retryAfter ? 'throttledFor' : kind;
  const template = overrides[kind] ?? t(`errors.message.${templateKey}`, {
    status: error.status,
    seconds: error.retryAfter ?? 0,
    method: error.method ?? '',
    url: error.url ?? '',
    detail: error.fieldErrors?.response ?? '',
  });
  // Throttling keeps the template: it carries the wait time the cloud asked for. An unknown
  // outcome is said in the user's language, whatever the gateway wrote.
  const message = kind === 'throttled' || kind === 'outcomeUnknown' || !error.message ? template : error.message;
  return { title: t(`errors.title.${kind}`), message, requestId: error.requestId };
}
