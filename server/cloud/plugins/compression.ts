import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { appPlugin } from './plugin.ts';

/**
 * Answers of 1 KB and more go compressed when the client accepts it (Accept-Encoding, its
 * q-values and `identity` honoured): brotli or gzip, `Vary: Accept-Encoding` on every answer
 * that could have been either. A page of 20 servers is ~30 KB of JSON and ~2 KB gzipped.
 *
 * The list answer cache (services/list-answers.ts) hands the same Buffer to every request
 * while the data is unchanged; its compressed forms are kept with it (a WeakMap on that
 * Buffer), so a console polling an unchanged list does not compress it again.
 */

/** Below this many bytes compressing saves less than it costs. */
const THRESHOLD = 1024;

/** The codings offered, preferred first when the client weighs them alike. */
const ENCODERS = {
  // Quality 4 of 11: a 1,000-server list compresses in a few ms instead of a second, about as small as gzip's.
  br: promisify((input: Buffer, done: (e: Error | null, out: Buffer) => void) =>
    brotliCompress(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }, done),
  ),
  gzip: promisify((input: Buffer, done: (e: Error | null, out: Buffer) => void) => gzip(input, done)),
};
export type Encoding = keyof typeof ENCODERS;

/**
 * The coding an Accept-Encoding header prefers among those offered, or undefined for the
 * identity (RFC 9110, 12.5.3): no header means no preference, so no coding; `*` stands for
 * whatever the header does not name; q=0 refuses; the identity, always acceptable, wins
 * only when the header gives it a higher q than any coding.
 */
export function preferredEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) && weight >= 0 && weight <= 1 ? weight : 0);
  }
  const weightOf = (name: string, otherwise: number) => weights.get(name) ?? weights.get('*') ?? otherwise;
  let best: Encoding | undefined;
  for (const name of Object.keys(ENCODERS) as Encoding[]) {
    if (weightOf(name, 0) > (best ? weightOf(best, 0) : 0)) best = name;
  }
  return best && weightOf(best, 0) >= weightOf('identity', 0) ? best : undefined;
}

const COMPRESSIBLE = /^(application\/(.+\+)?json|text\/)/i;

export default appPlugin('compression', async (app) => {
  const kept = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();

  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || !COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (Buffer.byteLength(payload) < THRESHOLD) return payload;
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const forms = Buffer.isBuffer(payload) ? (kept.get(payload) ?? {}) : {};
    const body = (forms[encoding] ??= await ENCODERS[encoding](Buffer.isBuffer(payload) ? payload : Buffer.from(payload)));
    if (Buffer.isBuffer(payload)) kept.set(payload, forms);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
});
