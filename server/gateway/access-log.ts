// One JSON line per request (ACCESS_LOG): method, path, status, duration, body bytes sent,
// the request id the cloud returned and the session's user id. Never a token, a cookie or
// a password: the path's query keeps its keys, but the values of keys that could hold a
// secret are masked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { userOf } from './request-notes.ts';

const SECRET_KEY = /token|password|passwd|secret|key|auth|sig|credential|session/i;

export function loggablePath(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const name of new Set(params.keys())) {
    if (SECRET_KEY.test(name)) params.set(name, '***');
  }
  const query = params.toString();
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at);
}

function byteLength(chunk: unknown, encoding?: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Starts timing `req`; writes its line once the response is finished or abandoned. */
export function logAccess(req: IncomingMessage, res: ServerResponse, write: (line: string) => void): void {
  const started = process.hrtime.bigint();
  let bytes = 0;
  // Counted as written, so streamed (proxied) bodies are measured too.
  const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
  const originalEnd = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    bytes += byteLength(chunk, rest[0]);
    return originalWrite(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') bytes += byteLength(chunk, rest[0]);
    return originalEnd(chunk, ...rest);
  }) as ServerResponse['end'];

  res.once('close', () => {
    const requestId = res.getHeader('x-openstack-request-id') ?? res.getHeader('x-compute-request-id');
    const line = {
      time: new Date().toISOString(),
      method: req.method,
      path: loggablePath(req.url ?? '/'),
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      bytes,
      ...(res.writableFinished ? {} : { aborted: true }),
      ...(requestId ? { requestId: String(requestId) } : {}),
      ...(userOf(req) ? { userId: userOf(req) } : {}),
    };
    write(JSON.stringify(line));
  });
}
