// Where a proxied request may go: always below the compute root, whatever the request's
// path says. Anything that could climb out of the root or be read as another host by a
// lenient upstream (dot segments, encoded or doubly encoded; backslashes; empty segments
// as in `//host`; encoded slashes) is refused rather than "cleaned up".
import { HttpError } from './http-io.ts';

const BAD_PATH = new HttpError(400, 'Invalid path for the compute API', 'invalid_path');

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw BAD_PATH;
  }
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function isDangerous(decoded: string): boolean {
  return decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\') || hasControlCharacter(decoded);
}

function checkSegment(segment: string): void {
  const once = decodeSegment(segment);
  if (isDangerous(once)) throw BAD_PATH;
  // An upstream (or a proxy before it) that decodes twice would see `%252e%252e` as `..`.
  if (once.includes('%')) {
    let twice: string;
    try {
      twice = decodeURIComponent(once);
    } catch {
      return; // not a second encoding, just a literal '%' (a tag such as "50%")
    }
    if (isDangerous(twice)) throw BAD_PATH;
  }
}

/**
 * `suffix` is what follows `/api/compute` in the request target (path and query, still
 * percent-encoded). Returns the upstream URL below `root`.
 */
export function computeTarget(root: string, suffix: string): URL {
  const queryAt = suffix.indexOf('?');
  const path = queryAt < 0 ? suffix : suffix.slice(0, queryAt);
  const query = queryAt < 0 ? '' : suffix.slice(queryAt);
  if (path !== '' && !path.startsWith('/')) throw BAD_PATH;
  if (path.includes('\\') || path.includes('//')) throw BAD_PATH;
  if (/[^\x21-\x7e]/.test(suffix)) throw BAD_PATH;
  const segments = path.split('/').slice(1);
  segments.forEach(checkSegment);

  const base = new URL(root);
  const basePath = base.pathname.replace(/\/+$/, '');
  const target = new URL(`${base.origin}${basePath}${path || '/'}${query}`);
  // Belt and braces: whatever the checks above missed, the URL parser's view must agree.
  if (target.origin !== base.origin || !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))) {
    throw BAD_PATH;
  }
  return target;
}
