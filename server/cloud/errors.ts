// Nova's error envelope: {"itemNotFound": {"code": 404, "message": "..."}}.
// Every handler throws NovaError; the one error handler in app.ts writes the envelope.

const ENVELOPE_BY_STATUS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  500: 'computeFault',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export class NovaError extends Error {
  readonly status: number;
  readonly envelope: string;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: { envelope?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.envelope = options.envelope ?? ENVELOPE_BY_STATUS[status] ?? 'computeFault';
    this.headers = options.headers ?? {};
  }

  body(): Record<string, { code: number; message: string }> {
    return { [this.envelope]: { code: this.status, message: this.message } };
  }
}

export const badRequest = (message: string) => new NovaError(400, message);
export const forbidden = (message: string) => new NovaError(403, message);
export const notFound = (message: string) => new NovaError(404, message);
export const conflict = (message: string) => new NovaError(409, message);
/** Quota exceeded: current Nova answers 403 `forbidden` ("Quota exceeded for cores: ..."). */
export const quotaExceeded = (message: string) => new NovaError(403, message);

/** Nova's message when an action meets a server in the wrong state. */
export const invalidState = (attr: string, state: string, action: string, id: string) =>
  conflict(`Cannot '${action}' instance ${id} while it is in ${attr} ${state}`);
