// Forwards one browser request to the compute endpoint with the session's token.
// Request bodies are small JSON documents and are read first (capped), so the upstream
// always gets a Content-Length, which the ECS API requires for POST and PUT. Response
// bodies are streamed. Headers pass through allow-lists in both directions, so neither
// cookies nor tokens cross the gateway.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { HttpError, readBody } from './http-io.ts';
import { describe } from './keystone.ts';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
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

export interface ProxyOptions {
  maxBodyBytes: number;
  timeoutMs: number;
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

  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = send(target, { method, headers, timeout: options.timeoutMs }, resolve);
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const status = error.code === 'ETIMEDOUT' ? 504 : 502;
      const why = error.code === 'ETIMEDOUT' ? 'did not answer in time' : `is unreachable (${error.code ?? describe(error)})`;
      reject(new HttpError(status, `The compute endpoint ${target.host} ${why}`, 'upstream_unreachable'));
    });
    // The browser gave up (navigation, abort): stop the upstream call as well.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  });

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
  try {
    await pipeline(upstream, res);
  } catch {
    // The client or the upstream hung up mid-body; the response cannot be repaired now.
    res.destroy();
  }
  return 'done';
}
