// Small helpers over node:http shared by the gateway's routes: JSON answers, bounded
// body reading, and what we may believe about the client (address, scheme, host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TrustedProxies } from './trusted-proxies.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  // Session answers and API data are per user; no cache may keep them.
  res.setHeader('Cache-Control', 'no-store');
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body = error.code ? { message: error.message, code: error.code } : { message: error.message };
  sendJson(res, error.status, { error: body }, error.headers);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string | string[]> = {}): void {
  res.statusCode = 204;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

/** Reads the whole body, refusing more than `limit` bytes with 413. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new HttpError(413, `Request body larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new HttpError(413, `Request body larger than ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/** Client address for throttling; X-Forwarded-For only counts when a trusted proxy sent it. */
export function clientAddress(req: IncomingMessage, proxies: TrustedProxies): string {
  return proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
}

const fromTrustedProxy = (req: IncomingMessage, proxies: TrustedProxies): boolean => proxies.trusts(req.socket.remoteAddress);

/** Whether the browser reached us over https (directly, or through a trusted proxy). */
export function isHttps(req: IncomingMessage, proxies: TrustedProxies): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return fromTrustedProxy(req, proxies) && firstHeader(req, 'x-forwarded-proto')?.toLowerCase() === 'https';
}

/** The host the browser addressed: used only to compare with Origin, never to pick an upstream. */
export function requestHost(req: IncomingMessage, proxies: TrustedProxies): string | undefined {
  return (fromTrustedProxy(req, proxies) && firstHeader(req, 'x-forwarded-host')) || req.headers.host || undefined;
}
