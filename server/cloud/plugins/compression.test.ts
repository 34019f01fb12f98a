import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeCloud, type Session } from '../test/harness.ts';
import { preferredEncoding } from './compression.ts';

let app: FastifyInstance;
let alice: Session;
beforeAll(async () => {
  app = await makeCloud();
  alice = await login(app, 'alice');
});
afterAll(() => app.close());

describe('compressed answers', () => {
  it('[3.1] picks the coding Accept-Encoding prefers: q-values, `*`, and identity honoured', () => {
    const cases: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['', undefined],
      ['gzip', 'gzip'],
      ['GZIP', 'gzip'],
      ['x-gzip', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip;q=0.8, br;q=0.9', 'br'],
      ['gzip;q=0', undefined],
      ['br;q=0, gzip;q=0', undefined],
      ['deflate', undefined],
      ['identity', undefined],
      ['gzip;q=0.5, identity', undefined],
      ['gzip;q=0.5, identity;q=0.5', 'gzip'],
      ['identity;q=0, gzip;q=0.1', 'gzip'],
      ['*', 'br'],
      ['*;q=0', undefined],
      ['br;q=0, *', 'gzip'],
      ['*;q=0.3, identity', undefined],
      ['br;q=bad', undefined],
      ['br;q=2', undefined],
    ];
    for (const [header, expected] of cases) expect(preferredEncoding(header), String(header)).toBe(expected);
    expect(preferredEncoding(['gzip;q=0.2', 'br;q=0.1'])).toBe('gzip');
  });

  it('[4.5] compresses a list with gzip or brotli as asked, with Vary, and sends it plain otherwise', async () => {
    const get = (encoding?: string) => alice.call('GET', 'servers/detail', undefined, { version: '2.26', headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(plain.headers.vary).toBe('OpenStack-API-Version, X-OpenStack-Nova-API-Version, Accept-Encoding');
    for (const [encoding, decode] of [['gzip', gunzipSync], ['br', brotliDecompressSync]] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await get(`${encoding}, identity;q=0.5`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toContain('Accept-Encoding');
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
        expect(decode(res.rawPayload).toString('utf8')).toBe(plain.body);
      }
    }
    const refused = await get('gzip;q=0, br;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    expect(refused.headers.vary).toContain('Accept-Encoding');
  });

  it('[4.3] leaves answers under 1 KB as they are', async () => {
    const res = await alice.call('GET', 'servers/no-such-server', undefined, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary ?? '').not.toContain('Accept-Encoding');
    expect(res.json().itemNotFound.code).toBe(404);
    const versions = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(versions.rawPayload.length < 1024).toBe(versions.headers['content-encoding'] === undefined);
  });
});
