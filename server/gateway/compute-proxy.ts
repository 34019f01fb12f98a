// Forwards one browser request to the compute endpoint with the session's token.
// Request bodies are small JSON documents and are read first (capped), so the upstream
// always gets a Content-Length, which the ECS API requires for POST and PUT. Response
// bodies are streamed, compressed on the way when the cloud sent them plain (compression.ts).
// Headers pass through allow-lists in both directions, so neither
// cookies nor tokens cross the gateway. Nothing is ever retried; a write whose answer is
// lost is reported as such (`outcome_unknown`), apart from one that never left (`upstream_unreachable`).
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { compressionFor } from './compression.ts';
import { HttpError, readBody } from './http-io.ts';
import { describe } from './keystone.ts';
import type { UpstreamCalls } from './upstream-calls.ts';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'openstack-api-version',
  'x-openstack-nova-api-version',
];

const FORWARDED_RESPONSE_HEADERS: Record<string, string> = {
  'content-type': 'Content-Type',
  'content-length': 'Content-Length',
  'content-encoding': 'Content-Encoding',
  'retry-after': 'Retry-After',
  'x-openstack-request-id': 'X-OpenStack-Request-Id',
  'x-compute-request-id': 'X-Compute-Request-Id',
  'openstack-api-version': 'OpenStack-API-Version',
  'x-openstack-nova-api-version': 'X-OpenStack-Nova-API-Version',
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const READS = new Set(['GET', 'HEAD']);

export interface ProxyOptions {
  maxBodyBytes: number;
  timeoutMs: number;
  upstream?: UpstreamCalls;
}

/** Resolves to 'unauthorized' when the upstream refused the token (nothing was written). */
export async function proxyCompute(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  token: string,
  options: ProxyOptions,
): Promise<'done' | 'unauthorized'> {
  const method = req.method ?? 'GET';
  if (!METHODS.has(method)) throw new HttpError(405, `Method ${method} is not supported by the gateway`);
  const body = await readBody(req, options.maxBodyBytes);

  const headers: Record<string, string> = { 'X-Auth-Token': token };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (body.length > 0 || method === 'POST' || method === 'PUT' || method === 'PATCH') {
    headers['content-length'] = String(body.length);
  }

  options.upstream?.record('compute', method, target);
  const upstream = await forward(target, method, headers, body, options.timeoutMs, res);
  if (upstream.statusCode === 401) {
    upstream.resume();
    return 'unauthorized';
  }

  res.statusCode = upstream.statusCode ?? 502;
  for (const [lower, canonical] of Object.entries(FORWARDED_RESPONSE_HEADERS)) {
    const value = upstream.headers[lower];
    if (value !== undefined) res.setHeader(canonical, value);
  }
  res.setHeader('Cache-Control', 'no-store');
  // The body depends on the browser's Accept-Encoding, whether the cloud or the gateway encoded it.
  res.setHeader('Vary', 'Accept-Encoding');
  const compression = compressionFor(req, upstream);
  if (compression) {
    res.removeHeader('Content-Length');
    res.setHeader('Content-Encoding', compression.encoding);
  }
  try {
    await (compression ? pipeline(upstream, compression.compressor, res) : pipeline(upstream, res));
  } catch {
    // The client or the upstream hung up mid-body; the response cannot be repaired now.
    res.destroy();
  }
  return 'done';
}

/**
 * Sends the request; resolves with the upstream's response (headers received). A write goes
 * on a connection of its own, so a pooled connection the upstream has just closed cannot
 * turn a request that was never read into one whose outcome is unknown.
 */
function forward(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
  res: ServerResponse,
): Promise<IncomingMessage> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const write = !READS.has(method);
  return new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = send(target, { method, headers, timeout: timeoutMs, ...(write ? { agent: false } : {}) }, resolve);
    // Whether any of the request may have reached the upstream: once connected, it may have.
    let connected = false;
    outgoing.on('socket', (socket) => {
      const ready = target.protocol === 'https:' ? 'secureConnect' : 'connect';
      if (!socket.connecting) connected = true;
      else socket.once(ready, () => (connected = true));
    });
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    outgoing.on('error', (error: NodeJS.ErrnoException) => reject(failure(target, error, write && connected)));
    // The browser gave up (navigation, abort): stop the upstream call as well.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  });
}

function failure(target: URL, error: NodeJS.ErrnoException, writeMayHaveArrived: boolean): HttpError {
  const timedOut = error.code === 'ETIMEDOUT';
  const where = `The compute endpoint ${target.host}`;
  if (writeMayHaveArrived) {
    const what = timedOut ? 'did not answer in time' : `dropped the connection (${error.code ?? describe(error)})`;
    return new HttpError(
      timedOut ? 504 : 502,
      `${where} ${what} after the request was sent: the cloud may or may not have applied it. Check the resource before trying again.`,
      'outcome_unknown',
    );
  }
  const why = timedOut ? 'could not be reached in time' : `is unreachable (${error.code ?? describe(error)})`;
  return new HttpError(timedOut ? 504 : 502, `${where} ${why}`, 'upstream_unreachable');
}
