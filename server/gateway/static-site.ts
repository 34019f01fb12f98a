// Serves the built SPA (`dist/`) for the production server: hashed assets cached for a
// year, index.html revalidated every time, client routes answered with index.html, gzip
// or brotli when the browser accepts it. dist/ does not change while the server runs, so
// files and their compressed forms are kept in memory after the first request.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { applySecurityHeaders } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map', '.ico']);

interface CachedFile {
  type: string;
  etag: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

export interface StaticSiteOptions {
  /** Absolute path of the Vite build output. */
  root: string;
  /** Where hashed, immutable files live (Vite's `build.assetsDir`). */
  assetsPrefix?: string;
}

export function createStaticSite({ root, assetsPrefix = '/assets/' }: StaticSiteOptions) {
  const cache = new Map<string, CachedFile>();
  const rootWithSep = root.endsWith(sep) ? root : root + sep;

  async function load(file: string): Promise<CachedFile | null> {
    const cached = cache.get(file);
    if (cached) return cached;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const body = await readFile(file);
    const entry: CachedFile = {
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      body,
    };
    cache.set(file, entry);
    return entry;
  }

  function encoded(file: CachedFile, ext: string, accept: string): { body: Buffer; encoding?: string } {
    if (!COMPRESSIBLE.has(ext) || file.body.length < 1024) return { body: file.body };
    if (/\bbr\b/.test(accept)) {
      file.br ??= brotliCompressSync(file.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } });
      return { body: file.br, encoding: 'br' };
    }
    if (/\bgzip\b/.test(accept)) {
      file.gzip ??= gzipSync(file.body, { level: 9 });
      return { body: file.gzip, encoding: 'gzip' };
    }
    return { body: file.body };
  }

  /** Maps a URL path to a file under root, or null when it would leave root. */
  function resolve(pathname: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const file = normalize(join(root, decoded));
    return file.startsWith(rootWithSep) ? file : null;
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0];
    const path = resolve(pathname);
    let file = path && !pathname.endsWith('/') ? await load(path) : null;
    let ext = path ? extname(path).toLowerCase() : '';
    if (!file) {
      // A client-side route: the SPA decides what to show. Only a missing asset (a file type we
      // serve) stays a 404, so a stale chunk fails loudly instead of parsing HTML as JS, while
      // routes whose ids contain dots (/flavors/s3.large.2) still reach the SPA.
      if (ext && ext !== '.html' && ext in TYPES) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Not found');
        return;
      }
      file = await load(join(root, 'index.html'));
      ext = '.html';
      if (!file) {
        res.statusCode = 503;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('The console is not built: run `npm run build`.');
        return;
      }
    }

    const immutable = pathname.startsWith(assetsPrefix);
    res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('ETag', file.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Type', file.type);
    if (req.headers['if-none-match'] === file.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const { body, encoding } = encoded(file, ext, accept);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
