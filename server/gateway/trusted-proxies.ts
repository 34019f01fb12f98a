// Which peers may tell us about the browser (X-Forwarded-For/-Proto/-Host): only the reverse
// proxies named in TRUST_PROXY. Anyone else could write those headers to dodge the login
// throttle or to fake https. Addresses and subnets are matched with node:net's BlockList.
import { BlockList, isIP } from 'node:net';
import { ConfigError } from './config-error.ts';

const LOOPBACK = ['127.0.0.0/8', '::1/128'];

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`; `[::1]:80` → `::1`. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export class TrustedProxies {
  private readonly list = new BlockList();

  /** The entries as configured, for documentation and logs. */
  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const [address, bits, extra] = entry.split('/');
      const family = isIP(address);
      const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
      const max = family === 6 ? 128 : 32;
      if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits))) {
        throw new ConfigError(`TRUST_PROXY: "${entry}" is not an IP address or CIDR subnet`);
      }
      this.list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  get enabled(): boolean {
    return this.entries.length > 0;
  }

  trusts(address: string | undefined): boolean {
    if (!address || !this.enabled) return false;
    const plain = normaliseAddress(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * The client's address: the peer, unless the peer is a trusted proxy; then the right-most
   * X-Forwarded-For entry that is not a trusted proxy (entries to its left were written by
   * whoever the client is, and prove nothing).
   */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    const direct = peer ? normaliseAddress(peer) : 'unknown';
    if (!this.trusts(direct) || forwardedFor === undefined) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((hop) => normaliseAddress(hop))
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!this.trusts(hops[i])) return hops[i];
    }
    // Every hop is one of our proxies: the left-most is as close to the client as we know.
    return hops[0] ?? direct;
  }
}

/**
 * TRUST_PROXY: unset/0/false → no proxy is trusted; 1/true → loopback only (a proxy on the
 * same machine); otherwise a comma-separated list of addresses and CIDR subnets.
 */
export function parseTrustProxy(raw: string | undefined): TrustedProxies {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(0|false|no|off)$/i.test(value)) return new TrustedProxies([]);
  if (/^(1|true|yes|on|loopback)$/i.test(value)) return new TrustedProxies(LOOPBACK);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => (entry.toLowerCase() === 'loopback' ? LOOPBACK : [entry]));
  return new TrustedProxies(entries);
}
