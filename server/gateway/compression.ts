// Compression of the compute API's answers on their way to the browser. The browser's
// Accept-Encoding goes upstream: an answer the cloud compressed (the embedded cloud does,
// from 1 KB) passes through untouched. An answer it sent plain (a real Nova never
// compresses) is compressed here, from 1 KB, when the browser accepts brotli or gzip.
// The rule for choosing is the embedded cloud's (server/cloud/plugins/compression.ts): the
// gateway and the cloud share no code, each being tested against stand-ins of the other.
import type { IncomingMessage } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

/** Below this many bytes compressing saves less than it costs. */
const THRESHOLD = 1024;

const COMPRESSORS = {
  // Quality 4 of 11: fast, and about as small as gzip's default on JSON.
  br: (): BrotliCompress => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  gzip: (): Gzip => createGzip(),
};
type Encoding = keyof typeof COMPRESSORS;

/**
 * The coding an Accept-Encoding header prefers among brotli and gzip, or undefined for the
 * identity (RFC 9110, 12.5.3): `*` stands for what the header does not name, q=0 refuses,
 * and the identity wins only when given a higher q than any coding.
 */
export function preferredEncoding(header: string | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) && weight >= 0 && weight <= 1 ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  let best: Encoding | undefined;
  for (const name of Object.keys(COMPRESSORS) as Encoding[]) {
    if (weightOf(name) > (best ? weightOf(best) : 0)) best = name;
  }
  return best && weightOf(best) >= weightOf('identity') ? best : undefined;
}

const COMPRESSIBLE = /^(application\/(.+\+)?json|text\/)/i;

/**
 * How the gateway should compress this upstream answer for this browser: a coding and its
 * compressor, or undefined to pass the body through as it came (already encoded, empty,
 * small, not text, or the browser does not accept a coding).
 */
export function compressionFor(req: IncomingMessage, upstream: IncomingMessage): { encoding: Encoding; compressor: BrotliCompress | Gzip } | undefined {
  const coded = upstream.headers['content-encoding'];
  if (coded !== undefined && coded !== 'identity') return undefined;
  const status = upstream.statusCode ?? 200;
  if (req.method === 'HEAD' || status === 204 || status === 304) return undefined;
  if (!COMPRESSIBLE.test(upstream.headers['content-type'] ?? '')) return undefined;
  const length = upstream.headers['content-length'];
  if (length !== undefined && Number(length) < THRESHOLD) return undefined;
  const encoding = preferredEncoding(req.headers['accept-encoding']);
  return encoding && { encoding, compressor: COMPRESSORS[encoding]() };
}
