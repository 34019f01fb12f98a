import { describe, expect, it } from 'vitest';
import { normaliseAddress, parseTrustProxy } from './trusted-proxies.ts';

describe('TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    for (const raw of [undefined, '', '0', 'false']) {
      const proxies = parseTrustProxy(raw);
      expect(proxies.trusts('127.0.0.1')).toBe(false);
      expect(proxies.clientAddress('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
    }
  });

  it('1 means a proxy on this machine: loopback only', () => {
    const proxies = parseTrustProxy('1');
    expect(proxies.trusts('127.0.0.1')).toBe(true);
    expect(proxies.trusts('::ffff:127.0.0.1')).toBe(true);
    expect(proxies.trusts('::1')).toBe(true);
    expect(proxies.trusts('10.0.0.5')).toBe(false);
    expect(proxies.clientAddress('10.0.0.5', '203.0.113.9')).toBe('10.0.0.5');
  });

  it('takes addresses and CIDR subnets, IPv4 and IPv6', () => {
    const proxies = parseTrustProxy('127.0.0.1, 10.0.0.0/8,fd00::/8');
    expect(proxies.trusts('10.200.3.4')).toBe(true);
    expect(proxies.trusts('11.0.0.1')).toBe(false);
    expect(proxies.trusts('127.0.0.2')).toBe(false);
    expect(proxies.trusts('fd12::1')).toBe(true);
    expect(proxies.trusts('fe80::1')).toBe(false);
  });

  it('takes the right-most X-Forwarded-For address that is not a trusted proxy', () => {
    const proxies = parseTrustProxy('127.0.0.1,10.0.0.0/8');
    // The client wrote "1.1.1.1" itself; the first proxy appended what it saw (203.0.113.9).
    expect(proxies.clientAddress('::ffff:127.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9');
    expect(proxies.clientAddress('127.0.0.1', ['1.1.1.1', '203.0.113.9'])).toBe('203.0.113.9');
    expect(proxies.clientAddress('127.0.0.1', '10.1.1.1, 10.0.0.7')).toBe('10.1.1.1');
    expect(proxies.clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('normalises mapped, bracketed and port-suffixed addresses', () => {
    expect(normaliseAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('192.0.2.1:5000')).toBe('192.0.2.1');
  });
});
