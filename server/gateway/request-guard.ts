// Refuses cross-site writes: a mutating request must carry our custom header (which a
// form or a cross-site fetch without CORS approval cannot send) and, when the browser
// names its Origin, come from the console's own origin.
import type { IncomingMessage } from 'node:http';
import { HttpError, requestHost } from './http-io.ts';
import type { TrustedProxies } from './trusted-proxies.ts';

const CSRF_HEADER = 'x-requested-with';
const CSRF_VALUE = 'ecs-console';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function assertSameOriginWrite(req: IncomingMessage, proxies: TrustedProxies): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  if (req.headers[CSRF_HEADER] !== CSRF_VALUE) {
    throw new HttpError(403, `Refused: state-changing requests need the header X-Requested-With: ${CSRF_VALUE}`, 'csrf');
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  // Compare hosts only: behind a TLS-terminating proxy we may not know the scheme, and
  // http/https variants of one host are the same site anyway.
  let originHost: string | null = null;
  try {
    originHost = origin === 'null' ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== requestHost(req, proxies)) {
    throw new HttpError(403, 'Refused: cross-origin request', 'csrf');
  }
}
