import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from './static-site.ts';

let dir: string;
let server: Server;
let port: number;
const bigScript = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  const parent = mkdtempSync(join(tmpdir(), 'static-site-'));
  dir = join(parent, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), bigScript);
  writeFileSync(join(parent, 'secret.txt'), 'outside dist');
  const serve = createStaticSite({ root: dir });
  server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static site', () => {
  it('answers client routes with index.html, never cached without revalidation, with the security headers', async () => {
    const answer = await get('/servers/abc?tab=actions');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('<div id="root">');
    expect(answer.headers['cache-control']).toBe('no-cache');
    const csp = answer.headers['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
  });

  it('caches hashed assets for a year and compresses them', async () => {
    const answer = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(bigScript);
    expect(answer.body.length).toBeLessThan(bigScript.length);
  });

  it('prefers brotli when accepted', async () => {
    const answer = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('br');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/');
    const again = await get('/', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('answers client routes whose ids contain dots with index.html', async () => {
    const answer = await get('/flavors/s3.large.2');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('<div id="root">');
  });

  it('answers 404 for a missing asset instead of index.html', async () => {
    expect((await get('/assets/gone-123.js')).status).toBe(404);
  });

  it('never serves files outside dist', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const answer = await get(path);
      expect(answer.body.toString()).not.toContain('outside dist');
    }
  });
});
